namespace ChargingHub.Ocpp.V201;

/// <summary>ReservationStatusUpdateRequest: a reservation expired or was removed without being used.</summary>
public sealed record ReservationStatusUpdateRequest
{
    public required int ReservationId { get; init; }

    public required ReservationUpdateStatusEnumType ReservationUpdateStatus { get; init; }
}

/// <summary>ReservationStatusUpdateResponse (empty).</summary>
public sealed record ReservationStatusUpdateResponse;
