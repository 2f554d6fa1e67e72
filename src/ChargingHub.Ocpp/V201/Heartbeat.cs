namespace ChargingHub.Ocpp.V201;

/// <summary>HeartbeatRequest (empty).</summary>
public sealed record HeartbeatRequest;

/// <summary>HeartbeatResponse: the CSMS's clock.</summary>
public sealed record HeartbeatResponse
{
    public required DateTimeOffset CurrentTime { get; init; }
}
