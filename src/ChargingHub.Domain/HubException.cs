namespace ChargingHub.Domain;

/// <summary>What kind of failure a <see cref="HubException"/> is; each surface maps it to its own form (HTTP status, form message, MQTT event).</summary>
public enum HubErrorKind
{
    Validation,
    NotFound,
    Conflict,
    ChargerOffline,
    ChargerTimeout,
}

/// <summary>A request the hub refuses, with a message a person can read. <see cref="Field"/> names the offending input for validation errors.</summary>
public sealed class HubException(HubErrorKind kind, string message, string? field = null) : Exception(message)
{
    public HubErrorKind Kind { get; } = kind;

    public string? Field { get; } = field;

    public static HubException Invalid(string field, string message) => new(HubErrorKind.Validation, message, field);

    public static HubException NotFound(string message) => new(HubErrorKind.NotFound, message);
}
