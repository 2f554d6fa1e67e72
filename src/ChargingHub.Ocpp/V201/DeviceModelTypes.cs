using System.Text.Json.Serialization;

namespace ChargingHub.Ocpp.V201;

/// <summary>A component of the charging station's device model.</summary>
public sealed record ComponentType
{
    [JsonPropertyName("evse")]
    public EVSEType? Evse { get; init; }

    public required string Name { get; init; }

    public string? Instance { get; init; }
}

/// <summary>A variable of a device model component.</summary>
public sealed record VariableType
{
    public required string Name { get; init; }

    public string? Instance { get; init; }
}

/// <summary>One event reported by NotifyEvent, e.g. a connector's <c>AvailabilityState</c> changing.</summary>
public sealed record EventDataType
{
    public required int EventId { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required EventTriggerEnumType Trigger { get; init; }

    /// <summary>The <see cref="EventId"/> of the event that caused this one.</summary>
    public int? Cause { get; init; }

    public required string ActualValue { get; init; }

    public string? TechCode { get; init; }

    public string? TechInfo { get; init; }

    public bool? Cleared { get; init; }

    public string? TransactionId { get; init; }

    public required ComponentType Component { get; init; }

    public int? VariableMonitoringId { get; init; }

    public required EventNotificationEnumType EventNotificationType { get; init; }

    public required VariableType Variable { get; init; }
}

/// <summary>One variable reported by NotifyReport, with its attributes.</summary>
public sealed record ReportDataType
{
    public required ComponentType Component { get; init; }

    public required VariableType Variable { get; init; }

    public required IReadOnlyList<VariableAttributeType> VariableAttribute { get; init; }

    public VariableCharacteristicsType? VariableCharacteristics { get; init; }
}

/// <summary>One attribute (actual, target, min, max) of a variable.</summary>
public sealed record VariableAttributeType
{
    public AttributeEnumType? Type { get; init; }

    public string? Value { get; init; }

    public MutabilityEnumType? Mutability { get; init; }

    public bool? Persistent { get; init; }

    public bool? Constant { get; init; }
}

/// <summary>Fixed properties of a variable: its data type, unit and limits.</summary>
public sealed record VariableCharacteristicsType
{
    public string? Unit { get; init; }

    public required DataEnumType DataType { get; init; }

    public decimal? MinLimit { get; init; }

    public decimal? MaxLimit { get; init; }

    /// <summary>Comma-separated allowed values, for list data types.</summary>
    public string? ValuesList { get; init; }

    public required bool SupportsMonitoring { get; init; }
}

/// <summary>One variable GetVariables asks for.</summary>
public sealed record GetVariableDataType
{
    public AttributeEnumType? AttributeType { get; init; }

    public required ComponentType Component { get; init; }

    public required VariableType Variable { get; init; }
}

/// <summary>The result of reading one variable.</summary>
public sealed record GetVariableResultType
{
    public StatusInfoType? AttributeStatusInfo { get; init; }

    public required GetVariableStatusEnumType AttributeStatus { get; init; }

    public AttributeEnumType? AttributeType { get; init; }

    public string? AttributeValue { get; init; }

    public required ComponentType Component { get; init; }

    public required VariableType Variable { get; init; }
}

/// <summary>One variable SetVariables writes.</summary>
public sealed record SetVariableDataType
{
    public AttributeEnumType? AttributeType { get; init; }

    public required string AttributeValue { get; init; }

    public required ComponentType Component { get; init; }

    public required VariableType Variable { get; init; }
}

/// <summary>The result of writing one variable.</summary>
public sealed record SetVariableResultType
{
    public AttributeEnumType? AttributeType { get; init; }

    public required SetVariableStatusEnumType AttributeStatus { get; init; }

    public StatusInfoType? AttributeStatusInfo { get; init; }

    public required ComponentType Component { get; init; }

    public required VariableType Variable { get; init; }
}
