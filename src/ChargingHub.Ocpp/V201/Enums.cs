using System.Text.Json.Serialization;

namespace ChargingHub.Ocpp.V201;

/// <summary>Which value of a variable is meant: actual, target or a limit.</summary>
public enum AttributeEnumType
{
    Actual,
    Target,
    MinSet,
    MaxSet,
}

/// <summary>Whether an idToken may charge.</summary>
public enum AuthorizationStatusEnumType
{
    Accepted,
    Blocked,
    ConcurrentTx,
    Expired,
    Invalid,
    NoCredit,
    NotAllowedTypeEVSE,
    NotAtThisLocation,
    NotAtThisTime,
    Unknown,
}

/// <summary>Result of checking the certificate sent with Authorize.</summary>
public enum AuthorizeCertificateStatusEnumType
{
    Accepted,
    SignatureError,
    CertificateExpired,
    CertificateRevoked,
    NoCertificateAvailable,
    CertChainError,
    ContractCancelled,
}

/// <summary>Why the charging station booted.</summary>
public enum BootReasonEnumType
{
    ApplicationReset,
    FirmwareUpdate,
    LocalReset,
    PowerUp,
    RemoteReset,
    ScheduledReset,
    Triggered,
    Unknown,
    Watchdog,
}

/// <summary>Answer to CancelReservation.</summary>
public enum CancelReservationStatusEnumType
{
    Accepted,
    Rejected,
}

/// <summary>Answer to ChangeAvailability.</summary>
public enum ChangeAvailabilityStatusEnumType
{
    Accepted,
    Rejected,
    Scheduled,
}

/// <summary>How a charging schedule's start is anchored.</summary>
public enum ChargingProfileKindEnumType
{
    Absolute,
    Recurring,
    Relative,
}

/// <summary>What a charging profile is for.</summary>
public enum ChargingProfilePurposeEnumType
{
    ChargingStationExternalConstraints,
    ChargingStationMaxProfile,
    TxDefaultProfile,
    TxProfile,
}

/// <summary>Unit of a charging schedule's limits.</summary>
public enum ChargingRateUnitEnumType
{
    W,
    A,
}

/// <summary>Charging state of a transaction.</summary>
public enum ChargingStateEnumType
{
    Charging,
    EVConnected,
    SuspendedEV,
    SuspendedEVSE,
    Idle,
}

/// <summary>Connector type, e.g. for a reservation of any EVSE with a given connector.</summary>
public enum ConnectorEnumType
{
    cCCS1,
    cCCS2,
    cG105,
    cTesla,
    cType1,
    cType2,

    [JsonStringEnumMemberName("s309-1P-16A")]
    s309_1P_16A,

    [JsonStringEnumMemberName("s309-1P-32A")]
    s309_1P_32A,

    [JsonStringEnumMemberName("s309-3P-16A")]
    s309_3P_16A,

    [JsonStringEnumMemberName("s309-3P-32A")]
    s309_3P_32A,

    sBS1361,

    [JsonStringEnumMemberName("sCEE-7-7")]
    sCEE_7_7,

    sType2,
    sType3,
    Other1PhMax16A,
    Other1PhOver16A,
    Other3Ph,
    Pan,
    wInductive,
    wResonant,
    Undetermined,
    Unknown,
}

/// <summary>Status of a connector.</summary>
public enum ConnectorStatusEnumType
{
    Available,
    Occupied,
    Reserved,
    Unavailable,
    Faulted,
}

/// <summary>Kind of a sales tariff cost.</summary>
public enum CostKindEnumType
{
    CarbonDioxideEmission,
    RelativePricePercentage,
    RenewableGenerationPercentage,
}

/// <summary>Data type of a device model variable.</summary>
public enum DataEnumType
{
    [JsonStringEnumMemberName("string")]
    String,

    [JsonStringEnumMemberName("decimal")]
    Decimal,

    [JsonStringEnumMemberName("integer")]
    Integer,

    [JsonStringEnumMemberName("dateTime")]
    DateTime,

    [JsonStringEnumMemberName("boolean")]
    Boolean,

    OptionList,
    SequenceList,
    MemberList,
}

/// <summary>Result of a DataTransfer.</summary>
public enum DataTransferStatusEnumType
{
    Accepted,
    Rejected,
    UnknownMessageId,
    UnknownVendorId,
}

/// <summary>What kind of monitor produced an event.</summary>
public enum EventNotificationEnumType
{
    HardWiredNotification,
    HardWiredMonitor,
    PreconfiguredMonitor,
    CustomMonitor,
}

/// <summary>What triggered an event.</summary>
public enum EventTriggerEnumType
{
    Alerting,
    Delta,
    Periodic,
}

/// <summary>Progress of a firmware update.</summary>
public enum FirmwareStatusEnumType
{
    Downloaded,
    DownloadFailed,
    Downloading,
    DownloadScheduled,
    DownloadPaused,
    Idle,
    InstallationFailed,
    Installing,
    Installed,
    InstallRebooting,
    InstallScheduled,
    InstallVerificationFailed,
    InvalidSignature,
    SignatureVerified,
}

/// <summary>Answer to a device model request such as GetBaseReport.</summary>
public enum GenericDeviceModelStatusEnumType
{
    Accepted,
    Rejected,
    NotSupported,
    EmptyResultSet,
}

/// <summary>Result of reading one variable.</summary>
public enum GetVariableStatusEnumType
{
    Accepted,
    Rejected,
    UnknownComponent,
    UnknownVariable,
    NotSupportedAttributeType,
}

/// <summary>Hash algorithm of OCSP request data.</summary>
public enum HashAlgorithmEnumType
{
    SHA256,
    SHA384,
    SHA512,
}

/// <summary>Kind of an idToken.</summary>
public enum IdTokenEnumType
{
    Central,
    eMAID,
    ISO14443,
    ISO15693,
    KeyCode,
    Local,
    MacAddress,
    NoAuthorization,
}

/// <summary>Format of a message shown to the driver.</summary>
public enum MessageFormatEnumType
{
    ASCII,
    HTML,
    URI,
    UTF8,
}

/// <summary>The message a TriggerMessage asks for.</summary>
public enum MessageTriggerEnumType
{
    BootNotification,
    LogStatusNotification,
    FirmwareStatusNotification,
    Heartbeat,
    MeterValues,
    SignChargingStationCertificate,
    SignV2GCertificate,
    StatusNotification,
    TransactionEvent,
    SignCombinedCertificate,
    PublishFirmwareStatusNotification,
}

/// <summary>Whether a variable attribute can be read and written.</summary>
public enum MutabilityEnumType
{
    ReadOnly,
    WriteOnly,
    ReadWrite,
}

/// <summary>Requested availability in ChangeAvailability.</summary>
public enum OperationalStatusEnumType
{
    Inoperative,
    Operative,
}

/// <summary>Why a transaction stopped.</summary>
public enum ReasonEnumType
{
    DeAuthorized,
    EmergencyStop,
    EnergyLimitReached,
    EVDisconnected,
    GroundFault,
    ImmediateReset,
    Local,
    LocalOutOfCredit,
    MasterPass,
    Other,
    OvercurrentFault,
    PowerLoss,
    PowerQuality,
    Reboot,
    Remote,
    SOCLimitReached,
    StoppedByEV,
    TimeLimitReached,
    Timeout,
}

/// <summary>Period of a recurring charging profile.</summary>
public enum RecurrencyKindEnumType
{
    Daily,
    Weekly,
}

/// <summary>Result of a BootNotification.</summary>
public enum RegistrationStatusEnumType
{
    Accepted,
    Pending,
    Rejected,
}

/// <summary>Which base report GetBaseReport asks for.</summary>
public enum ReportBaseEnumType
{
    ConfigurationInventory,
    FullInventory,
    SummaryInventory,
}

/// <summary>Answer to RequestStartTransaction and RequestStopTransaction.</summary>
public enum RequestStartStopStatusEnumType
{
    Accepted,
    Rejected,
}

/// <summary>Why a reservation ended without being used.</summary>
public enum ReservationUpdateStatusEnumType
{
    Expired,
    Removed,
}

/// <summary>Answer to ReserveNow.</summary>
public enum ReserveNowStatusEnumType
{
    Accepted,
    Faulted,
    Occupied,
    Rejected,
    Unavailable,
}

/// <summary>When a reset should happen.</summary>
public enum ResetEnumType
{
    Immediate,
    OnIdle,
}

/// <summary>Answer to Reset.</summary>
public enum ResetStatusEnumType
{
    Accepted,
    Rejected,
    Scheduled,
}

/// <summary>Result of writing one variable.</summary>
public enum SetVariableStatusEnumType
{
    Accepted,
    Rejected,
    UnknownComponent,
    UnknownVariable,
    NotSupportedAttributeType,
    RebootRequired,
}

/// <summary>Whether a TransactionEvent starts, updates or ends a transaction.</summary>
public enum TransactionEventEnumType
{
    Ended,
    Started,
    Updated,
}

/// <summary>Answer to TriggerMessage.</summary>
public enum TriggerMessageStatusEnumType
{
    Accepted,
    Rejected,
    NotImplemented,
}

/// <summary>Why a TransactionEvent was sent.</summary>
public enum TriggerReasonEnumType
{
    Authorized,
    CablePluggedIn,
    ChargingRateChanged,
    ChargingStateChanged,
    Deauthorized,
    EnergyLimitReached,
    EVCommunicationLost,
    EVConnectTimeout,
    MeterValueClock,
    MeterValuePeriodic,
    TimeLimitReached,
    Trigger,
    UnlockCommand,
    StopAuthorized,
    EVDeparted,
    EVDetected,
    RemoteStop,
    RemoteStart,
    AbnormalCondition,
    SignedDataReceived,
    ResetCommand,
}

/// <summary>Progress of a log upload.</summary>
public enum UploadLogStatusEnumType
{
    BadMessage,
    Idle,
    NotSupportedOperation,
    PermissionDenied,
    Uploaded,
    UploadFailure,
    Uploading,
    AcceptedCanceled,
}
