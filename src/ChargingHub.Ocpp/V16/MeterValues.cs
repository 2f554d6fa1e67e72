namespace ChargingHub.Ocpp.V16;

/// <summary>MeterValues.req.</summary>
public sealed record MeterValuesRequest
{
    public required int ConnectorId { get; init; }

    public int? TransactionId { get; init; }

    public required IReadOnlyList<MeterValue> MeterValue { get; init; }
}

/// <summary>MeterValues.conf (empty).</summary>
public sealed record MeterValuesResponse;
