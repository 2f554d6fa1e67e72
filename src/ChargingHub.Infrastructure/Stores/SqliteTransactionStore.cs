using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Transactions;
using ChargingHub.Infrastructure.Sqlite;

namespace ChargingHub.Infrastructure.Stores;

public sealed class SqliteTransactionStore(SqliteDatabase database) : ITransactionStore
{
    private const string SelectTransactions = """
        SELECT charger_id, transaction_id, connector_id, id_tag, started_at, stopped_at, meter_start_wh, meter_stop_wh,
               reservation_id, stop_reason, last_seq_no
        FROM transactions
        """;

    public Task<Transaction?> GetAsync(string chargerId, string transactionId, CancellationToken ct) =>
        database.ReadAsync(async session =>
        {
            var row = await session.QuerySingleOrDefaultAsync<TransactionRow>(
                $"{SelectTransactions} WHERE charger_id = @chargerId AND transaction_id = @transactionId",
                new { chargerId, transactionId }).ConfigureAwait(false);
            return row?.ToTransaction();
        }, ct);

    public Task SaveAsync(Transaction transaction, CancellationToken ct) =>
        database.WriteAsync(session => session.ExecuteAsync("""
            INSERT INTO transactions (charger_id, transaction_id, connector_id, id_tag, started_at, stopped_at,
                                      meter_start_wh, meter_stop_wh, reservation_id, stop_reason, last_seq_no)
            VALUES (@ChargerId, @TransactionId, @ConnectorId, @IdTag, @StartedAt, @StoppedAt,
                    @MeterStartWh, @MeterStopWh, @ReservationId, @StopReason, @LastSeqNo)
            ON CONFLICT (charger_id, transaction_id) DO UPDATE SET
                connector_id = excluded.connector_id, id_tag = excluded.id_tag, started_at = excluded.started_at,
                stopped_at = excluded.stopped_at, meter_start_wh = excluded.meter_start_wh, meter_stop_wh = excluded.meter_stop_wh,
                reservation_id = excluded.reservation_id, stop_reason = excluded.stop_reason, last_seq_no = excluded.last_seq_no
            """, new
        {
            transaction.ChargerId,
            transaction.TransactionId,
            transaction.ConnectorId,
            transaction.IdTag,
            StartedAt = SqliteTime.ToText(transaction.StartedAt),
            StoppedAt = SqliteTime.ToText(transaction.StoppedAt),
            transaction.MeterStartWh,
            transaction.MeterStopWh,
            transaction.ReservationId,
            transaction.StopReason,
            transaction.LastSeqNo,
        }), ct);

    public async Task<int> NextLocalIdAsync(CancellationToken ct)
    {
        var next = await database.WriteAsync(session => session.ExecuteScalarAsync<long>(
            "UPDATE counters SET value = value + 1 WHERE name = 'transaction_local_id' RETURNING value"), ct).ConfigureAwait(false);
        return checked((int)next);
    }

    /// <summary>Newest first by start time.</summary>
    public Task<IReadOnlyList<Transaction>> ListRecentAsync(string? chargerId, int limit, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<Transaction>>(async session =>
            (await session.QueryAsync<TransactionRow>(
                $"{SelectTransactions} WHERE @chargerId IS NULL OR charger_id = @chargerId ORDER BY started_at DESC, rowid DESC LIMIT @limit",
                new { chargerId, limit = Math.Max(0, limit) }).ConfigureAwait(false))
            .Select(r => r.ToTransaction())
            .ToList(), ct);

    private sealed class TransactionRow
    {
        public string ChargerId { get; set; } = "";

        public string TransactionId { get; set; } = "";

        public long ConnectorId { get; set; }

        public string? IdTag { get; set; }

        public string StartedAt { get; set; } = "";

        public string? StoppedAt { get; set; }

        public double? MeterStartWh { get; set; }

        public double? MeterStopWh { get; set; }

        public long? ReservationId { get; set; }

        public string? StopReason { get; set; }

        public long LastSeqNo { get; set; }

        public Transaction ToTransaction() => new()
        {
            ChargerId = ChargerId,
            TransactionId = TransactionId,
            ConnectorId = checked((int)ConnectorId),
            IdTag = IdTag,
            StartedAt = SqliteTime.Parse(StartedAt),
            StoppedAt = SqliteTime.ParseOrNull(StoppedAt),
            MeterStartWh = MeterStartWh,
            MeterStopWh = MeterStopWh,
            ReservationId = ReservationId is { } id ? checked((int)id) : null,
            StopReason = StopReason,
            LastSeqNo = checked((int)LastSeqNo),
        };
    }
}
