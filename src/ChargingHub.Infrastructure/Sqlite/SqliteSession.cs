using Dapper;
using Microsoft.Data.Sqlite;

namespace ChargingHub.Infrastructure.Sqlite;

/// <summary>
/// One open connection inside one transaction (read or write), handed to the work of
/// <see cref="SqliteDatabase.ReadAsync{T}"/> and <see cref="SqliteDatabase.WriteAsync{T}"/>. Every command it
/// runs is bound to that transaction and to the caller's cancellation token.
/// </summary>
public sealed class SqliteSession
{
    private readonly CancellationToken _ct;

    internal SqliteSession(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        Connection = connection;
        Transaction = transaction;
        _ct = ct;
    }

    public SqliteConnection Connection { get; }

    public SqliteTransaction Transaction { get; }

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? param = null) =>
        Connection.QueryAsync<T>(Command(sql, param));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? param = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, param));

    public Task<T?> ExecuteScalarAsync<T>(string sql, object? param = null) =>
        Connection.ExecuteScalarAsync<T>(Command(sql, param));

    /// <summary>Runs a statement; an enumerable <paramref name="param"/> runs it once per element.</summary>
    public Task<int> ExecuteAsync(string sql, object? param = null) =>
        Connection.ExecuteAsync(Command(sql, param));

    private CommandDefinition Command(string sql, object? param) =>
        new(sql, param, Transaction, cancellationToken: _ct);
}
