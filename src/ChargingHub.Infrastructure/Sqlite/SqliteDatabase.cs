using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ChargingHub.Infrastructure.Sqlite;

/// <summary>
/// The hub's SQLite database file. Every transaction, read or write, takes its turn on one in-process lock,
/// so two transactions of this process never meet inside SQLite, and SQLITE_BUSY can only come from another
/// process, which <c>busy_timeout</c> then waits out.
/// </summary>
/// <remarks>
/// Reads take turns too, although WAL would let them run beside a writer: the bundled SQLite (e_sqlite3 of
/// SQLitePCLRaw 2.0.6) is built without <c>usleep</c>, so whenever SQLite waits internally (a reader that
/// meets a commit or a checkpoint retries, then sleeps) it sleeps a whole second. With a few hundred
/// StatusNotifications a second that happened to one in a hundred of them (docs/benchmarks.md, latency).
/// The hub's transactions are short, so taking turns costs far less than those seconds.
/// </remarks>
public sealed class SqliteDatabase : IDisposable
{
    public const string DefaultFileName = "charginghub.db";

    // foreign_keys, busy_timeout and synchronous belong to a connection, not to the file.
    private const string ConnectionPragmas =
        "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    private static readonly object Prepared = new();

    private readonly string _connectionString;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly object _fileGate = new();

    // Pooled connections keep their native handle, and with it their pragmas: remembering which handles
    // are set up keeps a pooled open down to taking a handle from the pool.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _preparedHandles = new();
    private bool _fileReady;

    static SqliteDatabase()
    {
        SQLitePCL.Batteries_V2.Init();

        // Row classes use PascalCase properties for snake_case columns.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public SqliteDatabase(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The database file <see cref="DefaultFileName"/> in <paramref name="dataDirectory"/>.</summary>
    public static SqliteDatabase InDirectory(string dataDirectory) =>
        new(Path.Combine(dataDirectory, DefaultFileName));

    public string DatabasePath { get; }

    /// <summary>Opens a connection with the hub's settings. Prefer <see cref="ReadAsync{T}"/> and <see cref="WriteAsync{T}"/>.</summary>
    public SqliteConnection Open()
    {
        EnsureFileReady();
        var connection = new SqliteConnection(_connectionString);
        try
        {
            // Synchronous on purpose: Microsoft.Data.Sqlite's OpenAsync only wraps Open, at a price per call.
            connection.Open();
            var handle = connection.Handle!;
            if (!_preparedHandles.TryGetValue(handle, out _))
            {
                using (var command = connection.CreateCommand())
                {
                    command.CommandText = ConnectionPragmas;
                    command.ExecuteNonQuery();
                }

                _preparedHandles.AddOrUpdate(handle, Prepared);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="read"/> in a read transaction, so that its queries see one snapshot.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteSession, Task<T>> read, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await _turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var connection = Open();
            await using var transaction = connection.BeginTransaction(deferred: true);
            var result = await read(new SqliteSession(connection, transaction, ct)).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return result;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one write transaction (BEGIN IMMEDIATE) in its turn; it commits when the
    /// work returns and rolls back when it throws.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteSession, Task<T>> write, CancellationToken ct)
    {
        await _turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await using var connection = Open();
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await write(new SqliteSession(connection, transaction, ct)).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return result;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <inheritdoc cref="WriteAsync{T}"/>
    public Task WriteAsync(Func<SqliteSession, Task> write, CancellationToken ct) =>
        WriteAsync(async session =>
        {
            await write(session).ConfigureAwait(false);
            return true;
        }, ct);

    /// <summary>Closes the pooled connections, so the file (and its -wal/-shm companions) is released.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _turn.Dispose();
    }

    // WAL is a property of the file: set once per process, before the first transaction (it cannot
    // change inside one). The directory is created here so a fresh data directory just works.
    private void EnsureFileReady()
    {
        if (Volatile.Read(ref _fileReady))
        {
            return;
        }

        lock (_fileGate)
        {
            if (_fileReady)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            using (var connection = new SqliteConnection(_connectionString))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode = WAL;";
                var mode = command.ExecuteScalar() as string;
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"SQLite refused WAL journal mode for '{DatabasePath}' (got '{mode}').");
                }
            }

            Volatile.Write(ref _fileReady, true);
        }
    }
}
