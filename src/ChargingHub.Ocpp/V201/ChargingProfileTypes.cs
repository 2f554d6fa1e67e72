using System.Text.Json.Serialization;

namespace ChargingHub.Ocpp.V201;

/// <summary>A charging profile, here sent with RequestStartTransaction.</summary>
public sealed record ChargingProfileType
{
    public required int Id { get; init; }

    public required int StackLevel { get; init; }

    public required ChargingProfilePurposeEnumType ChargingProfilePurpose { get; init; }

    public required ChargingProfileKindEnumType ChargingProfileKind { get; init; }

    public RecurrencyKindEnumType? RecurrencyKind { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidTo { get; init; }

    /// <summary>One to three schedules.</summary>
    public required IReadOnlyList<ChargingScheduleType> ChargingSchedule { get; init; }

    public string? TransactionId { get; init; }
}

/// <summary>The limits of a charging profile over time.</summary>
public sealed record ChargingScheduleType
{
    public required int Id { get; init; }

    public DateTimeOffset? StartSchedule { get; init; }

    /// <summary>Duration in seconds.</summary>
    public int? Duration { get; init; }

    public required ChargingRateUnitEnumType ChargingRateUnit { get; init; }

    public required IReadOnlyList<ChargingSchedulePeriodType> ChargingSchedulePeriod { get; init; }

    public decimal? MinChargingRate { get; init; }

    public SalesTariffType? SalesTariff { get; init; }
}

/// <summary>One period of a charging schedule.</summary>
public sealed record ChargingSchedulePeriodType
{
    /// <summary>Seconds from the start of the schedule.</summary>
    public required int StartPeriod { get; init; }

    public required decimal Limit { get; init; }

    public int? NumberPhases { get; init; }

    public int? PhaseToUse { get; init; }
}

/// <summary>An ISO 15118 sales tariff.</summary>
public sealed record SalesTariffType
{
    public required int Id { get; init; }

    public string? SalesTariffDescription { get; init; }

    [JsonPropertyName("numEPriceLevels")]
    public int? NumEPriceLevels { get; init; }

    public required IReadOnlyList<SalesTariffEntryType> SalesTariffEntry { get; init; }
}

/// <summary>One entry of a sales tariff.</summary>
public sealed record SalesTariffEntryType
{
    public required RelativeTimeIntervalType RelativeTimeInterval { get; init; }

    [JsonPropertyName("ePriceLevel")]
    public int? EPriceLevel { get; init; }

    public IReadOnlyList<ConsumptionCostType>? ConsumptionCost { get; init; }
}

/// <summary>A time interval relative to the start of a schedule, in seconds.</summary>
public sealed record RelativeTimeIntervalType
{
    public required int Start { get; init; }

    public int? Duration { get; init; }
}

/// <summary>The costs from a consumption threshold upwards.</summary>
public sealed record ConsumptionCostType
{
    public required decimal StartValue { get; init; }

    public required IReadOnlyList<CostType> Cost { get; init; }
}

/// <summary>One cost of a sales tariff entry.</summary>
public sealed record CostType
{
    public required CostKindEnumType CostKind { get; init; }

    public required int Amount { get; init; }

    public int? AmountMultiplier { get; init; }
}
