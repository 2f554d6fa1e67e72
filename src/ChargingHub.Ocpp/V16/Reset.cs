namespace ChargingHub.Ocpp.V16;

/// <summary>Reset.req.</summary>
public sealed record ResetRequest
{
    public required ResetType Type { get; init; }
}

/// <summary>Reset.conf.</summary>
public sealed record ResetResponse
{
    public required ResetStatus Status { get; init; }
}
