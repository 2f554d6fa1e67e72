namespace ChargingHub.Domain.Transactions;

/// <summary>
/// A charging session. <see cref="TransactionId"/> is the 1.6 integer the hub assigned (as text) or the
/// 2.0.1 transactionId the charger chose.
/// </summary>
public sealed record Transaction
{
    public required string ChargerId { get; init; }

    public required string TransactionId { get; init; }

    public int ConnectorId { get; init; }

    public string? IdTag { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? StoppedAt { get; init; }

    public double? MeterStartWh { get; init; }

    public double? MeterStopWh { get; init; }

    public int? ReservationId { get; init; }

    public string? StopReason { get; init; }

    /// <summary>2.0.1 seqNo of the last TransactionEvent applied: duplicates (retries) are ignored.</summary>
    public int LastSeqNo { get; init; } = -1;
}
