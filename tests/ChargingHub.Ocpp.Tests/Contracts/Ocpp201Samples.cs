using System.Text.Json;
using ChargingHub.Ocpp.V201;

namespace ChargingHub.Ocpp.Tests.Contracts;

/// <summary>Realistic OCPP 2.0.1 payloads for every action in <see cref="Ocpp201Actions"/>.</summary>
internal static class Ocpp201Samples
{
    private const string TransactionId = "b6d5e0f2-3a9c-4f41-8e2d-7c0a1b2c3d4e";

    private static readonly DateTimeOffset Now = new(2026, 3, 14, 8, 15, 2, TimeSpan.Zero);

    private static readonly IdTokenType MinimalIdToken = new() { IdToken = "04A2B3C4D5E680", Type = IdTokenEnumType.ISO14443 };

    private static readonly IdTokenType FullIdToken = new()
    {
        IdToken = "NL-TNM-C00122045-K",
        Type = IdTokenEnumType.eMAID,
        AdditionalInfo = [new AdditionalInfoType { AdditionalIdToken = "04A2B3C4D5E680", Type = "ISO14443" }],
    };

    private static readonly IdTokenType GroupIdToken = new()
    {
        IdToken = "FAMILY-0001",
        Type = IdTokenEnumType.Central,
        AdditionalInfo = [new AdditionalInfoType { AdditionalIdToken = "fleet-7", Type = "FleetId" }],
    };

    private static readonly StatusInfoType StatusInfo = new() { ReasonCode = "InvalidValue", AdditionalInfo = "Value out of range" };

    private static readonly MessageContentType PersonalMessage = new() { Format = MessageFormatEnumType.UTF8, Language = "nl", Content = "Welkom!" };

    private static readonly IdTokenInfoType FullIdTokenInfo = new()
    {
        Status = AuthorizationStatusEnumType.Accepted,
        CacheExpiryDateTime = Now.AddDays(30),
        ChargingPriority = 1,
        Language1 = "nl",
        EvseId = [1, 2],
        GroupIdToken = GroupIdToken,
        Language2 = "en",
        PersonalMessage = PersonalMessage,
    };

    private static readonly IdTokenInfoType MinimalIdTokenInfo = new() { Status = AuthorizationStatusEnumType.Unknown };

    private static readonly EVSEType Evse = new() { Id = 1, ConnectorId = 1 };

    private static readonly ComponentType FullComponent = new() { Evse = Evse, Name = "Connector", Instance = "Left" };

    private static readonly ComponentType MinimalComponent = new() { Name = "OCPPCommCtrlr" };

    private static readonly VariableType FullVariable = new() { Name = "AvailabilityState", Instance = "Main" };

    private static readonly VariableType MinimalVariable = new() { Name = "HeartbeatInterval" };

    private static readonly MeterValueType FullMeterValue = new()
    {
        Timestamp = Now,
        SampledValue =
        [
            new SampledValueType
            {
                Value = 15230.5m,
                Context = "Sample.Periodic",
                Measurand = "Energy.Active.Import.Register",
                Phase = "L1-N",
                Location = "Outlet",
                SignedMeterValue = new SignedMeterValueType
                {
                    SignedMeterData = "AQIDBAUGBwgJCgsMDQ4PEA==",
                    SigningMethod = "ECDSA-secp256r1-SHA256",
                    EncodingMethod = "OCMF",
                    PublicKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE",
                },
                UnitOfMeasure = new UnitOfMeasureType { Unit = "kWh", Multiplier = -3 },
            },
            new SampledValueType { Value = 16.02m, Measurand = "Current.Import", Phase = "L1", UnitOfMeasure = new UnitOfMeasureType { Unit = "A" } },
        ],
    };

    private static readonly MeterValueType MinimalMeterValue = new() { Timestamp = Now, SampledValue = [new SampledValueType { Value = 15230 }] };

    public static IReadOnlyDictionary<string, ActionSamples> ByAction { get; } = new Dictionary<string, ActionSamples>
    {
        ["BootNotification"] = new(
            new BootNotificationRequest
            {
                ChargingStation = new ChargingStationType
                {
                    SerialNumber = "ACE0123456",
                    Model = "Eve Double Pro",
                    Modem = new ModemType { Iccid = "8931088620105234567", Imsi = "204080123456789" },
                    VendorName = "Alfen BV",
                    FirmwareVersion = "7.1.2",
                },
                Reason = BootReasonEnumType.PowerUp,
            },
            new BootNotificationRequest
            {
                ChargingStation = new ChargingStationType { Model = "Eve Double Pro", VendorName = "Alfen BV" },
                Reason = BootReasonEnumType.Unknown,
            },
            new BootNotificationResponse { CurrentTime = Now, Interval = 300, Status = RegistrationStatusEnumType.Rejected, StatusInfo = StatusInfo },
            new BootNotificationResponse { CurrentTime = Now, Interval = 300, Status = RegistrationStatusEnumType.Accepted }),

        ["Heartbeat"] = Same(new HeartbeatRequest(), new HeartbeatResponse { CurrentTime = Now }),

        ["StatusNotification"] = Same(
            new StatusNotificationRequest { Timestamp = Now, ConnectorStatus = ConnectorStatusEnumType.Reserved, EvseId = 1, ConnectorId = 1 },
            new StatusNotificationResponse()),

        ["NotifyEvent"] = new(
            new NotifyEventRequest
            {
                GeneratedAt = Now,
                Tbc = false,
                SeqNo = 0,
                EventData =
                [
                    new EventDataType
                    {
                        EventId = 1017,
                        Timestamp = Now,
                        Trigger = EventTriggerEnumType.Delta,
                        Cause = 1016,
                        ActualValue = "Occupied",
                        TechCode = "CP_STATE_B",
                        TechInfo = "Cable plugged in",
                        Cleared = false,
                        TransactionId = TransactionId,
                        Component = FullComponent,
                        VariableMonitoringId = 3,
                        EventNotificationType = EventNotificationEnumType.HardWiredNotification,
                        Variable = FullVariable,
                    },
                ],
            },
            new NotifyEventRequest
            {
                GeneratedAt = Now,
                SeqNo = 0,
                EventData =
                [
                    new EventDataType
                    {
                        EventId = 1,
                        Timestamp = Now,
                        Trigger = EventTriggerEnumType.Alerting,
                        ActualValue = "true",
                        Component = MinimalComponent,
                        EventNotificationType = EventNotificationEnumType.CustomMonitor,
                        Variable = new VariableType { Name = "Problem" },
                    },
                ],
            },
            new NotifyEventResponse(),
            new NotifyEventResponse()),

        ["Authorize"] = new(
            new AuthorizeRequest
            {
                IdToken = FullIdToken,
                Certificate = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
                Iso15118CertificateHashData =
                [
                    new OCSPRequestDataType
                    {
                        HashAlgorithm = HashAlgorithmEnumType.SHA256,
                        IssuerNameHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        IssuerKeyHash = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
                        SerialNumber = "3A7F2C",
                        ResponderUrl = "http://ocsp.example.org",
                    },
                ],
            },
            new AuthorizeRequest { IdToken = MinimalIdToken },
            new AuthorizeResponse { IdTokenInfo = FullIdTokenInfo, CertificateStatus = AuthorizeCertificateStatusEnumType.Accepted },
            new AuthorizeResponse { IdTokenInfo = MinimalIdTokenInfo }),

        ["TransactionEvent"] = new(
            new TransactionEventRequest
            {
                EventType = TransactionEventEnumType.Ended,
                MeterValue = [FullMeterValue],
                Timestamp = Now,
                TriggerReason = TriggerReasonEnumType.EVDeparted,
                SeqNo = 7,
                Offline = false,
                NumberOfPhasesUsed = 3,
                CableMaxCurrent = 32,
                ReservationId = 42,
                TransactionInfo = new TransactionType
                {
                    TransactionId = TransactionId,
                    ChargingState = ChargingStateEnumType.Idle,
                    TimeSpentCharging = 5400,
                    StoppedReason = ReasonEnumType.EVDisconnected,
                    RemoteStartId = 77,
                },
                Evse = Evse,
                IdToken = FullIdToken,
            },
            new TransactionEventRequest
            {
                EventType = TransactionEventEnumType.Started,
                Timestamp = Now,
                TriggerReason = TriggerReasonEnumType.CablePluggedIn,
                SeqNo = 0,
                TransactionInfo = new TransactionType { TransactionId = TransactionId },
            },
            new TransactionEventResponse
            {
                TotalCost = 4.37m,
                ChargingPriority = 0,
                IdTokenInfo = FullIdTokenInfo,
                UpdatedPersonalMessage = PersonalMessage,
            },
            new TransactionEventResponse()),

        ["MeterValues"] = new(
            new MeterValuesRequest { EvseId = 1, MeterValue = [FullMeterValue] },
            new MeterValuesRequest { EvseId = 0, MeterValue = [MinimalMeterValue] },
            new MeterValuesResponse(),
            new MeterValuesResponse()),

        ["NotifyReport"] = new(
            new NotifyReportRequest
            {
                RequestId = 5,
                GeneratedAt = Now,
                ReportData =
                [
                    new ReportDataType
                    {
                        Component = FullComponent,
                        Variable = FullVariable,
                        VariableAttribute =
                        [
                            new VariableAttributeType
                            {
                                Type = AttributeEnumType.Actual,
                                Value = "Available",
                                Mutability = MutabilityEnumType.ReadOnly,
                                Persistent = false,
                                Constant = false,
                            },
                        ],
                        VariableCharacteristics = new VariableCharacteristicsType
                        {
                            Unit = "s",
                            DataType = DataEnumType.OptionList,
                            MinLimit = 0,
                            MaxLimit = 86400,
                            ValuesList = "Available,Occupied,Reserved,Unavailable,Faulted",
                            SupportsMonitoring = true,
                        },
                    },
                ],
                Tbc = true,
                SeqNo = 0,
            },
            new NotifyReportRequest { RequestId = 5, GeneratedAt = Now, SeqNo = 1 },
            new NotifyReportResponse(),
            new NotifyReportResponse()),

        ["SecurityEventNotification"] = new(
            new SecurityEventNotificationRequest { Type = "StartupOfTheDevice", Timestamp = Now, TechInfo = "Cold boot" },
            new SecurityEventNotificationRequest { Type = "StartupOfTheDevice", Timestamp = Now },
            new SecurityEventNotificationResponse(),
            new SecurityEventNotificationResponse()),

        ["FirmwareStatusNotification"] = new(
            new FirmwareStatusNotificationRequest { Status = FirmwareStatusEnumType.InstallRebooting, RequestId = 9 },
            new FirmwareStatusNotificationRequest { Status = FirmwareStatusEnumType.Idle },
            new FirmwareStatusNotificationResponse(),
            new FirmwareStatusNotificationResponse()),

        ["LogStatusNotification"] = new(
            new LogStatusNotificationRequest { Status = UploadLogStatusEnumType.AcceptedCanceled, RequestId = 3 },
            new LogStatusNotificationRequest { Status = UploadLogStatusEnumType.Idle },
            new LogStatusNotificationResponse(),
            new LogStatusNotificationResponse()),

        ["DataTransfer"] = new(
            new DataTransferRequest
            {
                MessageId = "SocketLock",
                Data = JsonSerializer.SerializeToElement(new Dictionary<string, bool> { ["locked"] = true }),
                VendorId = "com.alfen",
            },
            new DataTransferRequest { VendorId = "com.alfen" },
            new DataTransferResponse
            {
                Status = DataTransferStatusEnumType.Rejected,
                StatusInfo = StatusInfo,
                Data = JsonSerializer.SerializeToElement("busy"),
            },
            new DataTransferResponse { Status = DataTransferStatusEnumType.UnknownVendorId }),

        ["ReservationStatusUpdate"] = Same(
            new ReservationStatusUpdateRequest { ReservationId = 42, ReservationUpdateStatus = ReservationUpdateStatusEnumType.Expired },
            new ReservationStatusUpdateResponse()),

        ["ReserveNow"] = new(
            new ReserveNowRequest
            {
                Id = 42,
                ExpiryDateTime = Now.AddMinutes(30),
                ConnectorType = ConnectorEnumType.s309_1P_16A,
                IdToken = FullIdToken,
                EvseId = 1,
                GroupIdToken = GroupIdToken,
            },
            new ReserveNowRequest { Id = 42, ExpiryDateTime = Now.AddMinutes(30), IdToken = MinimalIdToken },
            new ReserveNowResponse { Status = ReserveNowStatusEnumType.Occupied, StatusInfo = StatusInfo },
            new ReserveNowResponse { Status = ReserveNowStatusEnumType.Accepted }),

        ["CancelReservation"] = new(
            new CancelReservationRequest { ReservationId = 42 },
            new CancelReservationRequest { ReservationId = 42 },
            new CancelReservationResponse { Status = CancelReservationStatusEnumType.Rejected, StatusInfo = StatusInfo },
            new CancelReservationResponse { Status = CancelReservationStatusEnumType.Accepted }),

        ["GetVariables"] = new(
            new GetVariablesRequest
            {
                GetVariableData = [new GetVariableDataType { AttributeType = AttributeEnumType.Target, Component = FullComponent, Variable = FullVariable }],
            },
            new GetVariablesRequest { GetVariableData = [new GetVariableDataType { Component = MinimalComponent, Variable = MinimalVariable }] },
            new GetVariablesResponse
            {
                GetVariableResult =
                [
                    new GetVariableResultType
                    {
                        AttributeStatusInfo = StatusInfo,
                        AttributeStatus = GetVariableStatusEnumType.Accepted,
                        AttributeType = AttributeEnumType.Actual,
                        AttributeValue = "Occupied",
                        Component = FullComponent,
                        Variable = FullVariable,
                    },
                ],
            },
            new GetVariablesResponse
            {
                GetVariableResult =
                [
                    new GetVariableResultType { AttributeStatus = GetVariableStatusEnumType.UnknownVariable, Component = MinimalComponent, Variable = MinimalVariable },
                ],
            }),

        ["SetVariables"] = new(
            new SetVariablesRequest
            {
                SetVariableData =
                [
                    new SetVariableDataType { AttributeType = AttributeEnumType.MaxSet, AttributeValue = "32", Component = FullComponent, Variable = FullVariable },
                ],
            },
            new SetVariablesRequest
            {
                SetVariableData = [new SetVariableDataType { AttributeValue = "300", Component = MinimalComponent, Variable = MinimalVariable }],
            },
            new SetVariablesResponse
            {
                SetVariableResult =
                [
                    new SetVariableResultType
                    {
                        AttributeType = AttributeEnumType.MaxSet,
                        AttributeStatus = SetVariableStatusEnumType.RebootRequired,
                        AttributeStatusInfo = StatusInfo,
                        Component = FullComponent,
                        Variable = FullVariable,
                    },
                ],
            },
            new SetVariablesResponse
            {
                SetVariableResult =
                [
                    new SetVariableResultType { AttributeStatus = SetVariableStatusEnumType.Accepted, Component = MinimalComponent, Variable = MinimalVariable },
                ],
            }),

        ["GetBaseReport"] = new(
            new GetBaseReportRequest { RequestId = 5, ReportBase = ReportBaseEnumType.FullInventory },
            new GetBaseReportRequest { RequestId = 5, ReportBase = ReportBaseEnumType.SummaryInventory },
            new GetBaseReportResponse { Status = GenericDeviceModelStatusEnumType.NotSupported, StatusInfo = StatusInfo },
            new GetBaseReportResponse { Status = GenericDeviceModelStatusEnumType.Accepted }),

        ["TriggerMessage"] = new(
            new TriggerMessageRequest { Evse = Evse, RequestedMessage = MessageTriggerEnumType.StatusNotification },
            new TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.BootNotification },
            new TriggerMessageResponse { Status = TriggerMessageStatusEnumType.Rejected, StatusInfo = StatusInfo },
            new TriggerMessageResponse { Status = TriggerMessageStatusEnumType.Accepted }),

        ["ChangeAvailability"] = new(
            new ChangeAvailabilityRequest { Evse = Evse, OperationalStatus = OperationalStatusEnumType.Inoperative },
            new ChangeAvailabilityRequest { OperationalStatus = OperationalStatusEnumType.Operative },
            new ChangeAvailabilityResponse { Status = ChangeAvailabilityStatusEnumType.Scheduled, StatusInfo = StatusInfo },
            new ChangeAvailabilityResponse { Status = ChangeAvailabilityStatusEnumType.Accepted }),

        ["RequestStartTransaction"] = new(
            new RequestStartTransactionRequest
            {
                EvseId = 1,
                GroupIdToken = GroupIdToken,
                IdToken = FullIdToken,
                RemoteStartId = 77,
                ChargingProfile = new ChargingProfileType
                {
                    Id = 12,
                    StackLevel = 0,
                    ChargingProfilePurpose = ChargingProfilePurposeEnumType.TxProfile,
                    ChargingProfileKind = ChargingProfileKindEnumType.Recurring,
                    RecurrencyKind = RecurrencyKindEnumType.Weekly,
                    ValidFrom = Now,
                    ValidTo = Now.AddDays(7),
                    TransactionId = TransactionId,
                    ChargingSchedule =
                    [
                        new ChargingScheduleType
                        {
                            Id = 1,
                            StartSchedule = Now,
                            Duration = 7200,
                            ChargingRateUnit = ChargingRateUnitEnumType.W,
                            ChargingSchedulePeriod =
                            [
                                new ChargingSchedulePeriodType { StartPeriod = 0, Limit = 11000, NumberPhases = 1, PhaseToUse = 2 },
                                new ChargingSchedulePeriodType { StartPeriod = 3600, Limit = 7400.5m },
                            ],
                            MinChargingRate = 1380,
                            SalesTariff = new SalesTariffType
                            {
                                Id = 3,
                                SalesTariffDescription = "Off-peak",
                                NumEPriceLevels = 2,
                                SalesTariffEntry =
                                [
                                    new SalesTariffEntryType
                                    {
                                        RelativeTimeInterval = new RelativeTimeIntervalType { Start = 0, Duration = 3600 },
                                        EPriceLevel = 1,
                                        ConsumptionCost =
                                        [
                                            new ConsumptionCostType
                                            {
                                                StartValue = 0,
                                                Cost = [new CostType { CostKind = CostKindEnumType.RenewableGenerationPercentage, Amount = 80, AmountMultiplier = 0 }],
                                            },
                                        ],
                                    },
                                ],
                            },
                        },
                    ],
                },
            },
            new RequestStartTransactionRequest { IdToken = MinimalIdToken, RemoteStartId = 77 },
            new RequestStartTransactionResponse { Status = RequestStartStopStatusEnumType.Accepted, StatusInfo = StatusInfo, TransactionId = TransactionId },
            new RequestStartTransactionResponse { Status = RequestStartStopStatusEnumType.Rejected }),

        ["RequestStopTransaction"] = new(
            new RequestStopTransactionRequest { TransactionId = TransactionId },
            new RequestStopTransactionRequest { TransactionId = TransactionId },
            new RequestStopTransactionResponse { Status = RequestStartStopStatusEnumType.Rejected, StatusInfo = StatusInfo },
            new RequestStopTransactionResponse { Status = RequestStartStopStatusEnumType.Accepted }),

        ["Reset"] = new(
            new ResetRequest { Type = ResetEnumType.OnIdle, EvseId = 1 },
            new ResetRequest { Type = ResetEnumType.Immediate },
            new ResetResponse { Status = ResetStatusEnumType.Scheduled, StatusInfo = StatusInfo },
            new ResetResponse { Status = ResetStatusEnumType.Accepted }),
    };

    /// <summary>For messages whose full and minimal forms coincide (no optional fields).</summary>
    private static ActionSamples Same(object request, object response) => new(request, request, response, response);
}
