namespace ChargingHub.Ocpp.V201;

/// <summary>NotifyEventRequest: device model events, possibly split over several messages.</summary>
public sealed record NotifyEventRequest
{
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>"To be continued": more parts of this report follow.</summary>
    public bool? Tbc { get; init; }

    public required int SeqNo { get; init; }

    public required IReadOnlyList<EventDataType> EventData { get; init; }
}

/// <summary>NotifyEventResponse (empty).</summary>
public sealed record NotifyEventResponse;
