namespace ChargingHub.Ocpp.V16;

/// <summary>Result of a BootNotification (<c>RegistrationStatus</c>).</summary>
public enum RegistrationStatus
{
    Accepted,
    Pending,
    Rejected,
}

/// <summary>Error code reported in a StatusNotification (<c>ChargePointErrorCode</c>).</summary>
public enum ChargePointErrorCode
{
    ConnectorLockFailure,
    EVCommunicationError,
    GroundFailure,
    HighTemperature,
    InternalError,
    LocalListConflict,
    NoError,
    OtherError,
    OverCurrentFailure,
    PowerMeterFailure,
    PowerSwitchFailure,
    ReaderFailure,
    ResetFailure,
    UnderVoltage,
    OverVoltage,
    WeakSignal,
}

/// <summary>Status of a connector, or of the charge point itself for connector 0 (<c>ChargePointStatus</c>).</summary>
public enum ChargePointStatus
{
    Available,
    Preparing,
    Charging,
    SuspendedEVSE,
    SuspendedEV,
    Finishing,
    Reserved,
    Unavailable,
    Faulted,
}

/// <summary>Whether an idTag may charge (<c>AuthorizationStatus</c>).</summary>
public enum AuthorizationStatus
{
    Accepted,
    Blocked,
    Expired,
    Invalid,
    ConcurrentTx,
}

/// <summary>Why a transaction stopped (<c>Reason</c>).</summary>
public enum Reason
{
    EmergencyStop,
    EVDisconnected,
    HardReset,
    Local,
    Other,
    PowerLoss,
    Reboot,
    Remote,
    SoftReset,
    UnlockCommand,
    DeAuthorized,
}

/// <summary>Result of a DataTransfer (<c>DataTransferStatus</c>).</summary>
public enum DataTransferStatus
{
    Accepted,
    Rejected,
    UnknownMessageId,
    UnknownVendorId,
}

/// <summary>Progress of a diagnostics upload (<c>DiagnosticsStatus</c>).</summary>
public enum DiagnosticsStatus
{
    Idle,
    Uploaded,
    UploadFailed,
    Uploading,
}

/// <summary>Progress of a firmware update (<c>FirmwareStatus</c>).</summary>
public enum FirmwareStatus
{
    Downloaded,
    DownloadFailed,
    Downloading,
    Idle,
    InstallationFailed,
    Installing,
    Installed,
}

/// <summary>Answer to ReserveNow (<c>ReservationStatus</c> in the 1.6 specification).</summary>
public enum ReservationStatus
{
    Accepted,
    Faulted,
    Occupied,
    Rejected,
    Unavailable,
}

/// <summary>Answer to CancelReservation (<c>CancelReservationStatus</c>).</summary>
public enum CancelReservationStatus
{
    Accepted,
    Rejected,
}

/// <summary>Answer to ChangeConfiguration (<c>ConfigurationStatus</c>).</summary>
public enum ConfigurationStatus
{
    Accepted,
    Rejected,
    RebootRequired,
    NotSupported,
}

/// <summary>The message a TriggerMessage asks for (<c>MessageTrigger</c>).</summary>
public enum MessageTrigger
{
    BootNotification,
    DiagnosticsStatusNotification,
    FirmwareStatusNotification,
    Heartbeat,
    MeterValues,
    StatusNotification,
}

/// <summary>Answer to TriggerMessage (<c>TriggerMessageStatus</c>).</summary>
public enum TriggerMessageStatus
{
    Accepted,
    Rejected,
    NotImplemented,
}

/// <summary>Requested availability in ChangeAvailability (<c>AvailabilityType</c>).</summary>
public enum AvailabilityType
{
    Inoperative,
    Operative,
}

/// <summary>Answer to ChangeAvailability (<c>AvailabilityStatus</c>).</summary>
public enum AvailabilityStatus
{
    Accepted,
    Rejected,
    Scheduled,
}

/// <summary>Answer to RemoteStartTransaction and RemoteStopTransaction (<c>RemoteStartStopStatus</c>).</summary>
public enum RemoteStartStopStatus
{
    Accepted,
    Rejected,
}

/// <summary>Kind of reset requested (<c>ResetType</c>).</summary>
public enum ResetType
{
    Hard,
    Soft,
}

/// <summary>Answer to Reset (<c>ResetStatus</c>).</summary>
public enum ResetStatus
{
    Accepted,
    Rejected,
}

/// <summary>What a charging profile is for (<c>ChargingProfilePurposeType</c>).</summary>
public enum ChargingProfilePurposeType
{
    ChargePointMaxProfile,
    TxDefaultProfile,
    TxProfile,
}

/// <summary>How a charging schedule's start is anchored (<c>ChargingProfileKindType</c>).</summary>
public enum ChargingProfileKindType
{
    Absolute,
    Recurring,
    Relative,
}

/// <summary>Period of a recurring charging profile (<c>RecurrencyKindType</c>).</summary>
public enum RecurrencyKindType
{
    Daily,
    Weekly,
}

/// <summary>Unit of a charging schedule's limits (<c>ChargingRateUnitType</c>).</summary>
public enum ChargingRateUnitType
{
    A,
    W,
}
