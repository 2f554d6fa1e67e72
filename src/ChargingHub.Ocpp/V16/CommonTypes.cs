using System.Text.Json.Serialization;

namespace ChargingHub.Ocpp.V16;

/// <summary>Authorization status of an idTag, returned by Authorize, StartTransaction and StopTransaction.</summary>
public sealed record IdTagInfo
{
    public required AuthorizationStatus Status { get; init; }

    /// <summary>When the charge point should stop trusting its cached copy of this idTag.</summary>
    public DateTimeOffset? ExpiryDate { get; init; }

    /// <summary>Group idTag (maximum 20 characters).</summary>
    public string? ParentIdTag { get; init; }
}

/// <summary>Sampled values taken at one instant.</summary>
public sealed record MeterValue
{
    public required DateTimeOffset Timestamp { get; init; }

    public required IReadOnlyList<SampledValue> SampledValue { get; init; }
}

/// <summary>
/// One measured value. The descriptive fields stay strings: they are open-ended vocabularies the hub
/// reports but never branches on (the schema's enum lists them).
/// </summary>
public sealed record SampledValue
{
    /// <summary>The value as a string, as 1.6 transmits it (a number, or signed data when <see cref="Format"/> is <c>SignedData</c>).</summary>
    public required string Value { get; init; }

    /// <summary>e.g. <c>Sample.Periodic</c>, <c>Transaction.Begin</c>.</summary>
    public string? Context { get; init; }

    /// <summary><c>Raw</c> or <c>SignedData</c>.</summary>
    public string? Format { get; init; }

    /// <summary>e.g. <c>Energy.Active.Import.Register</c> (the default when absent).</summary>
    public string? Measurand { get; init; }

    /// <summary>e.g. <c>L1</c>, <c>L1-N</c>.</summary>
    public string? Phase { get; init; }

    /// <summary>e.g. <c>Outlet</c>, <c>EV</c>.</summary>
    public string? Location { get; init; }

    /// <summary>e.g. <c>Wh</c>, <c>kW</c>, <c>Percent</c>.</summary>
    public string? Unit { get; init; }
}

/// <summary>A charging profile sent with RemoteStartTransaction.</summary>
public sealed record ChargingProfile
{
    public required int ChargingProfileId { get; init; }

    public int? TransactionId { get; init; }

    public required int StackLevel { get; init; }

    public required ChargingProfilePurposeType ChargingProfilePurpose { get; init; }

    public required ChargingProfileKindType ChargingProfileKind { get; init; }

    public RecurrencyKindType? RecurrencyKind { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidTo { get; init; }

    public required ChargingSchedule ChargingSchedule { get; init; }
}

/// <summary>The limits of a charging profile over time.</summary>
public sealed record ChargingSchedule
{
    /// <summary>Duration in seconds.</summary>
    public int? Duration { get; init; }

    public DateTimeOffset? StartSchedule { get; init; }

    public required ChargingRateUnitType ChargingRateUnit { get; init; }

    public required IReadOnlyList<ChargingSchedulePeriod> ChargingSchedulePeriod { get; init; }

    /// <summary>In <see cref="ChargingRateUnit"/>, one decimal place.</summary>
    public decimal? MinChargingRate { get; init; }
}

/// <summary>One period of a charging schedule.</summary>
public sealed record ChargingSchedulePeriod
{
    /// <summary>Seconds from the start of the schedule.</summary>
    public required int StartPeriod { get; init; }

    /// <summary>In the schedule's unit, one decimal place.</summary>
    public required decimal Limit { get; init; }

    public int? NumberPhases { get; init; }
}

/// <summary>One configuration key reported by GetConfiguration (<c>KeyValue</c>).</summary>
public sealed record KeyValue
{
    public required string Key { get; init; }

    [JsonPropertyName("readonly")]
    public required bool ReadOnly { get; init; }

    public string? Value { get; init; }
}
