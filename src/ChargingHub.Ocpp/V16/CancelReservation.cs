namespace ChargingHub.Ocpp.V16;

/// <summary>CancelReservation.req.</summary>
public sealed record CancelReservationRequest
{
    public required int ReservationId { get; init; }
}

/// <summary>CancelReservation.conf.</summary>
public sealed record CancelReservationResponse
{
    public required CancelReservationStatus Status { get; init; }
}
