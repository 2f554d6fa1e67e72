namespace ChargingHub.Ocpp.V16;

/// <summary>TriggerMessage.req.</summary>
public sealed record TriggerMessageRequest
{
    public required MessageTrigger RequestedMessage { get; init; }

    public int? ConnectorId { get; init; }
}

/// <summary>TriggerMessage.conf.</summary>
public sealed record TriggerMessageResponse
{
    public required TriggerMessageStatus Status { get; init; }
}
