namespace ChargingHub.Ocpp.V16;

/// <summary>ReserveNow.req: reserve a connector (0 = any connector) for an idTag until <see cref="ExpiryDate"/>.</summary>
public sealed record ReserveNowRequest
{
    public required int ConnectorId { get; init; }

    public required DateTimeOffset ExpiryDate { get; init; }

    public required string IdTag { get; init; }

    public string? ParentIdTag { get; init; }

    public required int ReservationId { get; init; }
}

/// <summary>ReserveNow.conf.</summary>
public sealed record ReserveNowResponse
{
    public required ReservationStatus Status { get; init; }
}
