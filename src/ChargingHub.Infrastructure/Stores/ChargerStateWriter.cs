using System.Collections.Concurrent;
using System.Threading.Channels;
using ChargingHub.Domain.Chargers;
using ChargingHub.Infrastructure.Sqlite;
using Microsoft.Extensions.Logging;

namespace ChargingHub.Infrastructure.Stores;

/// <summary>
/// Connector states and last-seen times on their way to the database. A StatusNotification or a heartbeat only
/// records here (the newest per connector wins) and is answered at once; a background pass writes whatever has
/// gathered in one transaction. Until then <see cref="SqliteChargerStore"/> lays the pending values over what
/// it reads, so no reader sees an older state than was recorded.
/// </summary>
/// <remarks>
/// Writing each status before answering put a database turn on the OCPP round trip, and a turn waits for
/// whatever transaction holds it (docs/benchmarks.md, latency). A crash loses at most the states of the last
/// pass; chargers report every connector's status again when they reconnect.
/// </remarks>
internal sealed partial class ChargerStateWriter(SqliteDatabase database, ILogger logger) : IAsyncDisposable
{
    private const string UpsertConnector = """
        INSERT INTO connectors (charger_id, connector_id, status, connector_type, updated_at)
        SELECT @ChargerId, @ConnectorId, @Status, @ConnectorType, @UpdatedAt
        WHERE EXISTS (SELECT 1 FROM chargers WHERE id = @ChargerId)
        ON CONFLICT (charger_id, connector_id) DO UPDATE SET
            status = excluded.status,
            connector_type = COALESCE(excluded.connector_type, connectors.connector_type),
            updated_at = excluded.updated_at
        """;

    private const string UpdateLastSeen =
        "UPDATE chargers SET last_seen = @At WHERE id = @ChargerId AND (last_seen IS NULL OR last_seen < @At)";

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After a pass, what is recorded gathers this long before the next one: a state recorded while the writer is
    /// idle is written at once, but under load one pass serves many StatusNotifications instead of each waking
    /// the writer (a thread hop and a transaction per message, on the cores that answer the chargers).
    /// </summary>
    internal static readonly TimeSpan GatherWindow = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<(string ChargerId, int ConnectorId), Connector> _connectors = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly Lock _startGate = new();
    private Task? _loop;
    private readonly WriterProgress _progress = new();
    private long _recorded;
    private long _written;

    /// <summary>Records a connector's state; a null connector type keeps the one known.</summary>
    public void Record(string chargerId, Connector connector)
    {
        _connectors.AddOrUpdate((chargerId, connector.ConnectorId), connector,
            (_, pending) => connector.ConnectorType is null ? connector with { ConnectorType = pending.ConnectorType } : connector);
        Recorded();
    }

    /// <summary>Records when a charger was last heard from; an earlier time than the one pending is ignored.</summary>
    public void RecordLastSeen(string chargerId, DateTimeOffset at)
    {
        _lastSeen.AddOrUpdate(chargerId, at, (_, pending) => at > pending ? at : pending);
        Recorded();
    }

    /// <summary>The states of <paramref name="chargerId"/> not yet written.</summary>
    public List<Connector> PendingConnectors(string chargerId)
    {
        var pending = new List<Connector>();
        if (_connectors.IsEmpty)
        {
            return pending;
        }

        foreach (var (key, connector) in _connectors)
        {
            if (string.Equals(key.ChargerId, chargerId, StringComparison.Ordinal))
            {
                pending.Add(connector);
            }
        }

        return pending;
    }

    /// <summary>Every state not yet written, by charger.</summary>
    public ILookup<string, Connector> PendingConnectors() =>
        _connectors.ToLookup(kv => kv.Key.ChargerId, kv => kv.Value, StringComparer.Ordinal);

    public DateTimeOffset? PendingLastSeen(string chargerId) =>
        _lastSeen.TryGetValue(chargerId, out var at) ? at : null;

    /// <summary>Every last-seen time not yet written, by charger.</summary>
    public Dictionary<string, DateTimeOffset?> PendingLastSeen() =>
        _lastSeen.ToDictionary(kv => kv.Key, kv => (DateTimeOffset?)kv.Value, StringComparer.Ordinal);

    /// <summary>Completes once everything recorded before this call is in the database.</summary>
    public Task FlushAsync(CancellationToken ct)
    {
        var target = Interlocked.Read(ref _recorded);
        return _progress.WaitUntilAsync(() => Interlocked.Read(ref _written) >= target, ct, () => _wake.Writer.TryWrite(true));
    }

    /// <summary>Writes what is pending and stops the background pass.</summary>
    public async ValueTask DisposeAsync()
    {
        _wake.Writer.TryComplete();
        Task? loop;
        lock (_startGate)
        {
            loop = _loop;
        }

        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        await WritePassAsync().ConfigureAwait(false);
    }

    private void Recorded()
    {
        Interlocked.Increment(ref _recorded);
        if (_loop is null)
        {
            lock (_startGate)
            {
                _loop ??= Task.Run(WriteLoopAsync);
            }
        }

        _wake.Writer.TryWrite(true);
    }

    private async Task WriteLoopAsync()
    {
        var retryDelay = FirstRetryDelay;
        while (await _wake.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            _wake.Reader.TryRead(out _);
            if (await WritePassAsync().ConfigureAwait(false))
            {
                retryDelay = FirstRetryDelay;

                // Pacing on the real clock, not the hub's TimeProvider: a test's stopped clock must not stop the writes.
                await Task.Delay(GatherWindow).ConfigureAwait(false);
            }
            else
            {
                // A database that keeps failing is retried ever less often, up to twice a minute.
                await Task.Delay(retryDelay).ConfigureAwait(false);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, LongestRetryDelay.Ticks));
                _wake.Writer.TryWrite(true);
            }
        }
    }

    /// <summary>Writes everything pending in one transaction; false when the database refused it (kept for a retry).</summary>
    private async Task<bool> WritePassAsync()
    {
        // Read the count before taking the values: every record counted has already put its value in place.
        var upTo = Interlocked.Read(ref _recorded);
        var connectors = _connectors.ToArray();
        var lastSeen = _lastSeen.ToArray();
        if (connectors.Length > 0 || lastSeen.Length > 0)
        {
            try
            {
                await database.WriteAsync(async session =>
                {
                    await session.ExecuteAsync(UpsertConnector, connectors.Select(kv => new
                    {
                        kv.Key.ChargerId,
                        kv.Value.ConnectorId,
                        kv.Value.Status,
                        kv.Value.ConnectorType,
                        UpdatedAt = SqliteTime.ToText(kv.Value.UpdatedAt),
                    })).ConfigureAwait(false);
                    await session.ExecuteAsync(UpdateLastSeen, lastSeen.Select(kv => new
                    {
                        ChargerId = kv.Key,
                        At = SqliteTime.ToText(kv.Value),
                    })).ConfigureAwait(false);
                }, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogWriteFailed(logger, ex, connectors.Length, lastSeen.Length);
                return false;
            }

            // A value recorded again meanwhile differs from the one written and stays for the next pass.
            foreach (var written in connectors)
            {
                _connectors.TryRemove(written);
            }

            foreach (var written in lastSeen)
            {
                _lastSeen.TryRemove(written);
            }
        }

        Interlocked.Exchange(ref _written, upTo);
        _progress.Signal();
        return true;
    }


    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store {Connectors} connector states and {LastSeen} last-seen times; trying again")]
    private static partial void LogWriteFailed(ILogger logger, Exception ex, int connectors, int lastSeen);
}
