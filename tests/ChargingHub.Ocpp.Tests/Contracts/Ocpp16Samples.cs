using ChargingHub.Ocpp.V16;

namespace ChargingHub.Ocpp.Tests.Contracts;

/// <summary>Realistic OCPP 1.6 payloads for every action in <see cref="Ocpp16Actions"/>.</summary>
internal static class Ocpp16Samples
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 8, 15, 2, TimeSpan.Zero);

    private static readonly IdTagInfo FullIdTagInfo = new()
    {
        Status = AuthorizationStatus.Accepted,
        ExpiryDate = Now.AddDays(30),
        ParentIdTag = "FAMILY-0001",
    };

    private static readonly IdTagInfo MinimalIdTagInfo = new() { Status = AuthorizationStatus.Invalid };

    private static readonly MeterValue FullMeterValue = new()
    {
        Timestamp = Now,
        SampledValue =
        [
            new SampledValue
            {
                Value = "15230",
                Context = "Sample.Periodic",
                Format = "Raw",
                Measurand = "Energy.Active.Import.Register",
                Phase = "L1",
                Location = "Outlet",
                Unit = "Wh",
            },
            new SampledValue { Value = "16.02", Measurand = "Current.Import", Phase = "L1", Unit = "A" },
        ],
    };

    private static readonly MeterValue MinimalMeterValue = new() { Timestamp = Now, SampledValue = [new SampledValue { Value = "15230" }] };

    public static IReadOnlyDictionary<string, ActionSamples> ByAction { get; } = new Dictionary<string, ActionSamples>
    {
        ["BootNotification"] = new(
            new BootNotificationRequest
            {
                ChargePointVendor = "Alfen BV",
                ChargePointModel = "NG910-60023",
                ChargePointSerialNumber = "ACE0123456",
                ChargeBoxSerialNumber = "ACE0123456",
                FirmwareVersion = "6.4.0-4102",
                Iccid = "8931088620105234567",
                Imsi = "204080123456789",
                MeterType = "Eastron SDM630",
                MeterSerialNumber = "021234567",
            },
            new BootNotificationRequest { ChargePointVendor = "Alfen BV", ChargePointModel = "NG910-60023" },
            new BootNotificationResponse { Status = RegistrationStatus.Accepted, CurrentTime = Now, Interval = 300 },
            new BootNotificationResponse { Status = RegistrationStatus.Pending, CurrentTime = Now, Interval = 60 }),

        ["Heartbeat"] = Same(new HeartbeatRequest(), new HeartbeatResponse { CurrentTime = Now }),

        ["StatusNotification"] = new(
            new StatusNotificationRequest
            {
                ConnectorId = 1,
                ErrorCode = ChargePointErrorCode.OtherError,
                Info = "RCD tripped",
                Status = ChargePointStatus.Faulted,
                Timestamp = Now,
                VendorId = "com.alfen",
                VendorErrorCode = "0x0107",
            },
            new StatusNotificationRequest { ConnectorId = 1, ErrorCode = ChargePointErrorCode.NoError, Status = ChargePointStatus.Available },
            new StatusNotificationResponse(),
            new StatusNotificationResponse()),

        ["Authorize"] = new(
            new AuthorizeRequest { IdTag = "04A2B3C4D5E680" },
            new AuthorizeRequest { IdTag = "04A2B3C4D5E680" },
            new AuthorizeResponse { IdTagInfo = FullIdTagInfo },
            new AuthorizeResponse { IdTagInfo = MinimalIdTagInfo }),

        ["StartTransaction"] = new(
            new StartTransactionRequest
            {
                ConnectorId = 1,
                IdTag = "04A2B3C4D5E680",
                MeterStart = 15230,
                ReservationId = 42,
                Timestamp = Now,
                TransactionId = 7,
            },
            new StartTransactionRequest { ConnectorId = 1, IdTag = "04A2B3C4D5E680", MeterStart = 15230, Timestamp = Now },
            new StartTransactionResponse { IdTagInfo = FullIdTagInfo, TransactionId = 1001 },
            new StartTransactionResponse { IdTagInfo = MinimalIdTagInfo, TransactionId = 0 }),

        ["StopTransaction"] = new(
            new StopTransactionRequest
            {
                IdTag = "04A2B3C4D5E680",
                MeterStop = 27410,
                Timestamp = Now.AddHours(2),
                TransactionId = 1001,
                Reason = Reason.EVDisconnected,
                TransactionData = [FullMeterValue],
            },
            new StopTransactionRequest { MeterStop = 27410, Timestamp = Now.AddHours(2), TransactionId = 1001 },
            new StopTransactionResponse { IdTagInfo = FullIdTagInfo },
            new StopTransactionResponse()),

        ["MeterValues"] = new(
            new MeterValuesRequest { ConnectorId = 1, TransactionId = 1001, MeterValue = [FullMeterValue] },
            new MeterValuesRequest { ConnectorId = 0, MeterValue = [MinimalMeterValue] },
            new MeterValuesResponse(),
            new MeterValuesResponse()),

        ["DataTransfer"] = new(
            new DataTransferRequest { VendorId = "com.alfen", MessageId = "SocketLock", Data = "{\"locked\":true}" },
            new DataTransferRequest { VendorId = "com.alfen" },
            new DataTransferResponse { Status = DataTransferStatus.Accepted, Data = "ok" },
            new DataTransferResponse { Status = DataTransferStatus.UnknownVendorId }),

        ["DiagnosticsStatusNotification"] = Same(
            new DiagnosticsStatusNotificationRequest { Status = DiagnosticsStatus.Uploaded },
            new DiagnosticsStatusNotificationResponse()),

        ["FirmwareStatusNotification"] = Same(
            new FirmwareStatusNotificationRequest { Status = FirmwareStatus.Installing },
            new FirmwareStatusNotificationResponse()),

        ["ReserveNow"] = new(
            new ReserveNowRequest
            {
                ConnectorId = 1,
                ExpiryDate = Now.AddMinutes(30),
                IdTag = "04A2B3C4D5E680",
                ParentIdTag = "FAMILY-0001",
                ReservationId = 42,
            },
            new ReserveNowRequest { ConnectorId = 0, ExpiryDate = Now.AddMinutes(30), IdTag = "04A2B3C4D5E680", ReservationId = 42 },
            new ReserveNowResponse { Status = ReservationStatus.Accepted },
            new ReserveNowResponse { Status = ReservationStatus.Occupied }),

        ["CancelReservation"] = Same(
            new CancelReservationRequest { ReservationId = 42 },
            new CancelReservationResponse { Status = CancelReservationStatus.Accepted }),

        ["GetConfiguration"] = new(
            new GetConfigurationRequest { Key = ["HeartbeatInterval", "MeterValueSampleInterval"] },
            new GetConfigurationRequest(),
            new GetConfigurationResponse
            {
                ConfigurationKey =
                [
                    new KeyValue { Key = "HeartbeatInterval", ReadOnly = false, Value = "300" },
                    new KeyValue { Key = "NumberOfConnectors", ReadOnly = true, Value = "2" },
                ],
                UnknownKey = ["VendorSpecificKey"],
            },
            new GetConfigurationResponse()),

        ["ChangeConfiguration"] = Same(
            new ChangeConfigurationRequest { Key = "MeterValueSampleInterval", Value = "60" },
            new ChangeConfigurationResponse { Status = ConfigurationStatus.RebootRequired }),

        ["TriggerMessage"] = new(
            new TriggerMessageRequest { RequestedMessage = MessageTrigger.StatusNotification, ConnectorId = 1 },
            new TriggerMessageRequest { RequestedMessage = MessageTrigger.BootNotification },
            new TriggerMessageResponse { Status = TriggerMessageStatus.Accepted },
            new TriggerMessageResponse { Status = TriggerMessageStatus.NotImplemented }),

        ["ChangeAvailability"] = Same(
            new ChangeAvailabilityRequest { ConnectorId = 2, Type = AvailabilityType.Inoperative },
            new ChangeAvailabilityResponse { Status = AvailabilityStatus.Scheduled }),

        ["RemoteStartTransaction"] = new(
            new RemoteStartTransactionRequest
            {
                ConnectorId = 1,
                IdTag = "04A2B3C4D5E680",
                ChargingProfile = new ChargingProfile
                {
                    ChargingProfileId = 12,
                    TransactionId = 1001,
                    StackLevel = 0,
                    ChargingProfilePurpose = ChargingProfilePurposeType.TxProfile,
                    ChargingProfileKind = ChargingProfileKindType.Recurring,
                    RecurrencyKind = RecurrencyKindType.Daily,
                    ValidFrom = Now,
                    ValidTo = Now.AddDays(1),
                    ChargingSchedule = new ChargingSchedule
                    {
                        Duration = 7200,
                        StartSchedule = Now,
                        ChargingRateUnit = ChargingRateUnitType.A,
                        ChargingSchedulePeriod =
                        [
                            new ChargingSchedulePeriod { StartPeriod = 0, Limit = 16.0m, NumberPhases = 3 },
                            new ChargingSchedulePeriod { StartPeriod = 3600, Limit = 10.5m },
                        ],
                        MinChargingRate = 6.0m,
                    },
                },
            },
            new RemoteStartTransactionRequest { IdTag = "04A2B3C4D5E680" },
            new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Accepted },
            new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Rejected }),

        ["RemoteStopTransaction"] = Same(
            new RemoteStopTransactionRequest { TransactionId = 1001 },
            new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Accepted }),

        ["Reset"] = Same(
            new ResetRequest { Type = ResetType.Soft },
            new ResetResponse { Status = ResetStatus.Accepted }),
    };

    /// <summary>For messages whose full and minimal forms coincide (no optional fields).</summary>
    private static ActionSamples Same(object request, object response) => new(request, request, response, response);
}
