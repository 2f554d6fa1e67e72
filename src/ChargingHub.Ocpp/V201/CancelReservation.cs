namespace ChargingHub.Ocpp.V201;

/// <summary>CancelReservationRequest.</summary>
public sealed record CancelReservationRequest
{
    public required int ReservationId { get; init; }
}

/// <summary>CancelReservationResponse.</summary>
public sealed record CancelReservationResponse
{
    public required CancelReservationStatusEnumType Status { get; init; }

    public StatusInfoType? StatusInfo { get; init; }
}
