namespace ChargingHub.Ocpp.V16;

/// <summary>Heartbeat.req (empty).</summary>
public sealed record HeartbeatRequest;

/// <summary>Heartbeat.conf: the central system's clock.</summary>
public sealed record HeartbeatResponse
{
    public required DateTimeOffset CurrentTime { get; init; }
}
