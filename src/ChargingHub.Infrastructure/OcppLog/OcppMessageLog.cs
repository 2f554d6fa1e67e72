using System.Runtime.InteropServices;
using System.Threading.Channels;
using ChargingHub.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ChargingHub.Infrastructure.OcppLog;

/// <summary>
/// The recent OCPP frames of each charger, for troubleshooting. <see cref="Append"/> sits on the OCPP hot
/// path, so it only queues; a background writer stores whatever has queued up in one transaction and, now and
/// then (<see cref="TrimSlack"/>), trims a charger to its newest <see cref="OcppMessageLogOptions.KeepPerCharger"/> frames. When
/// the writer falls behind, the oldest queued frames are dropped rather than the connection slowed down.
/// </summary>
public sealed partial class OcppMessageLog : IAsyncDisposable
{
    private const string InsertFrame =
        "INSERT INTO ocpp_messages (charger_id, at, direction, text) VALUES (@ChargerId, @At, @Direction, @Text)";

    // Everything older than the charger's KeepPerCharger-th newest frame goes; a short log deletes nothing.
    private const string TrimCharger = """
        DELETE FROM ocpp_messages
        WHERE charger_id = @chargerId
          AND id <= (SELECT id FROM ocpp_messages WHERE charger_id = @chargerId ORDER BY id DESC LIMIT 1 OFFSET @keep)
        """;

    private readonly SqliteDatabase _database;
    private readonly OcppMessageLogOptions _options;
    private readonly ILogger<OcppMessageLog> _logger;
    private readonly Channel<Frame> _queue;

    // Frames written per charger since its last trim; only the writer loop touches it.
    private readonly Dictionary<string, int> _sinceTrim = new(StringComparer.Ordinal);
    private readonly object _startGate = new();
    private Task? _writer;
    private readonly WriterProgress _progress = new();
    private long _appended;
    private long _taken;
    private long _dropped;
    private long _batches;

    public OcppMessageLog(SqliteDatabase database, OcppMessageLogOptions options, ILogger<OcppMessageLog> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.KeepPerCharger, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QueueCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1);
        _database = database;
        _options = options;
        _logger = logger;
        _queue = Channel.CreateBounded<Frame>(
            new BoundedChannelOptions(options.QueueCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
            },
            OnDropped);
    }

    /// <summary>
    /// How many frames a charger may have beyond <see cref="OcppMessageLogOptions.KeepPerCharger"/> before its
    /// old ones are deleted. Trimming after every batch cost one DELETE per charger in it, a long write
    /// transaction that everything else touching the database waited behind (docs/benchmarks.md, latency);
    /// readers never see the slack, because <see cref="ListRecentAsync"/> returns the kept ones only.
    /// </summary>
    internal int TrimSlack => Math.Max(1, _options.KeepPerCharger / 4);

    /// <summary>Frames dropped because the queue was full.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Write transactions so far (one per batch).</summary>
    internal long BatchCount => Interlocked.Read(ref _batches);

    /// <summary>Queues a frame for the log. Never waits: when the queue is full the oldest queued frame is dropped.</summary>
    public void Append(string chargerId, OcppMessageDirection direction, string text, DateTimeOffset at)
    {
        if (_queue.Writer.TryWrite(new Frame(chargerId, direction, text, at)))
        {
            Interlocked.Increment(ref _appended);
        }
    }

    /// <summary>Starts the background writer; frames appended before are written then.</summary>
    public void Start()
    {
        lock (_startGate)
        {
            _writer ??= Task.Run(WriteLoopAsync);
        }
    }

    /// <summary>
    /// Completes once every frame appended before this call has been written (or dropped). Needs the writer
    /// running. It counts rather than queues a marker, so flushing a full queue costs no frame.
    /// </summary>
    public Task FlushAsync(CancellationToken ct)
    {
        var target = Interlocked.Read(ref _appended);
        return _progress.WaitUntilAsync(() => Interlocked.Read(ref _taken) + Interlocked.Read(ref _dropped) >= target, ct);
    }

    /// <summary>Stops taking frames and waits (until <paramref name="ct"/>) for the queued ones to be written.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        _queue.Writer.TryComplete();
        Task? writer;
        lock (_startGate)
        {
            writer = _writer;
        }

        if (writer is not null)
        {
            await writer.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>The newest stored frames of a charger, newest first.</summary>
    public Task<IReadOnlyList<OcppLogEntry>> ListRecentAsync(string chargerId, int limit, CancellationToken ct) =>
        _database.ReadAsync<IReadOnlyList<OcppLogEntry>>(async session =>
            (await session.QueryAsync<EntryRow>(
                "SELECT id, charger_id, at, direction, text FROM ocpp_messages WHERE charger_id = @chargerId ORDER BY id DESC LIMIT @limit",
                new { chargerId, limit = Math.Clamp(limit, 0, _options.KeepPerCharger) }).ConfigureAwait(false))
            .Select(r => r.ToEntry())
            .ToList(), ct);

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down anyway: frames still queued are only a troubleshooting aid.
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Frame>(_options.MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var frame))
            {
                batch.Add(frame);
            }

            var full = batch.Count == _options.MaxBatchSize;
            await WriteBatchAsync(batch).ConfigureAwait(false);
            Interlocked.Add(ref _taken, batch.Count);
            batch.Clear();
            SignalProgress();

            // Let the next batch gather instead of waking for every frame (see ChargerStateWriter.GatherWindow).
            if (!full)
            {
                await Task.Delay(_options.GatherWindow).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteBatchAsync(List<Frame> batch)
    {
        try
        {
            await _database.WriteAsync(async session =>
            {
                InsertBatch(session, batch);
                foreach (var chargerId in ChargersToTrim(batch))
                {
                    await session.ExecuteAsync(TrimCharger, new { chargerId, keep = _options.KeepPerCharger }).ConfigureAwait(false);
                }
            }, CancellationToken.None).ConfigureAwait(false);
            Interlocked.Increment(ref _batches);
        }
        catch (Exception ex)
        {
            // The log is a troubleshooting aid: losing a batch beats stopping the writer for good.
            LogBatchFailed(_logger, ex, batch.Count);
        }
    }

    /// <summary>
    /// One prepared statement for the whole batch, its parameters set per frame: the writer runs on the cores that
    /// answer the chargers, and binding a new parameter object per row cost most of its time.
    /// </summary>
    private static void InsertBatch(SqliteSession session, List<Frame> batch)
    {
        using var insert = session.Connection.CreateCommand();
        insert.Transaction = session.Transaction;
        insert.CommandText = InsertFrame;
        var chargerId = insert.Parameters.Add("@ChargerId", SqliteType.Text);
        var at = insert.Parameters.Add("@At", SqliteType.Text);
        var direction = insert.Parameters.Add("@Direction", SqliteType.Text);
        var text = insert.Parameters.Add("@Text", SqliteType.Text);
        insert.Prepare();
        foreach (var frame in batch)
        {
            chargerId.Value = frame.ChargerId;
            at.Value = SqliteTime.ToText(frame.At);
            direction.Value = frame.Direction.ToString();
            text.Value = frame.Text;
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>The chargers of the batch that now have more than <see cref="TrimSlack"/> frames beyond the kept ones.</summary>
    private List<string> ChargersToTrim(List<Frame> batch)
    {
        var due = new List<string>();
        foreach (var frame in batch)
        {
            // A charger's first frame since start counts as due too: the frames it left before are not counted.
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_sinceTrim, frame.ChargerId, out var counted);
            if (!counted)
            {
                count = TrimSlack - 1;
            }

            if (++count == TrimSlack)
            {
                due.Add(frame.ChargerId);
            }
        }

        foreach (var chargerId in due)
        {
            _sinceTrim[chargerId] = 0;
        }

        return due;
    }

    private void OnDropped(Frame frame)
    {
        if (Interlocked.Increment(ref _dropped) % 1000 == 1)
        {
            LogDropped(_logger, DroppedCount);
        }

        SignalProgress();
    }

    private void SignalProgress() => _progress.Signal();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store {Count} OCPP log frames")]
    private static partial void LogBatchFailed(ILogger logger, Exception ex, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OCPP log writer is behind; {Dropped} frames dropped so far")]
    private static partial void LogDropped(ILogger logger, long dropped);

    private sealed record Frame(string ChargerId, OcppMessageDirection Direction, string Text, DateTimeOffset At);

    private sealed class EntryRow
    {
        public long Id { get; set; }

        public string ChargerId { get; set; } = "";

        public string At { get; set; } = "";

        public string Direction { get; set; } = "";

        public string Text { get; set; } = "";

        public OcppLogEntry ToEntry() =>
            new(Id, ChargerId, SqliteTime.Parse(At), Enum.Parse<OcppMessageDirection>(Direction), Text);
    }
}
