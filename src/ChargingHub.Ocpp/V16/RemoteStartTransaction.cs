namespace ChargingHub.Ocpp.V16;

/// <summary>RemoteStartTransaction.req.</summary>
public sealed record RemoteStartTransactionRequest
{
    public int? ConnectorId { get; init; }

    public required string IdTag { get; init; }

    public ChargingProfile? ChargingProfile { get; init; }
}

/// <summary>RemoteStartTransaction.conf.</summary>
public sealed record RemoteStartTransactionResponse
{
    public required RemoteStartStopStatus Status { get; init; }
}
