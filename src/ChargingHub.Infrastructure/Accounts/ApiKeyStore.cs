using ChargingHub.Domain;
using ChargingHub.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChargingHub.Infrastructure.Accounts;

/// <summary>
/// REST API keys. Revoking keeps the row for the record; names are unique among keys not revoked, so a
/// name can be used again once its key is revoked.
/// </summary>
public sealed class ApiKeyStore(SqliteDatabase database)
{
    private const string SelectKeys = "SELECT id, name, key_hash, prefix, created_at, revoked_at, member_id FROM api_keys";

    /// <summary>Adds the key and returns it with its new id; a <see cref="HubErrorKind.Conflict"/> when a live key has that name.</summary>
    public async Task<ApiKey> AddAsync(ApiKey key, CancellationToken ct)
    {
        try
        {
            var id = await database.WriteAsync(session => session.ExecuteScalarAsync<long>("""
                INSERT INTO api_keys (name, key_hash, prefix, created_at, revoked_at, member_id)
                VALUES (@Name, @KeyHash, @Prefix, @CreatedAt, @RevokedAt, @MemberId)
                RETURNING id
                """, KeyRow.From(key)), ct).ConfigureAwait(false);
            return key with { Id = id };
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteErrorCodes.ConstraintUnique)
        {
            throw new HubException(HubErrorKind.Conflict, $"An API key named '{key.Name}' exists.", "name");
        }
    }

    public Task<ApiKey?> GetAsync(long id, CancellationToken ct) =>
        GetOneAsync($"{SelectKeys} WHERE id = @id", new { id }, ct);

    /// <summary>The live key with this name (case-insensitive), else the most recently created revoked one.</summary>
    public Task<ApiKey?> GetByNameAsync(string name, CancellationToken ct) =>
        GetOneAsync($"{SelectKeys} WHERE name = @name ORDER BY revoked_at IS NULL DESC, id DESC LIMIT 1", new { name }, ct);

    /// <summary>Keys not revoked whose prefix matches: the candidates to check a presented key's hash against.</summary>
    public Task<IReadOnlyList<ApiKey>> FindLiveByPrefixAsync(string prefix, CancellationToken ct) =>
        ListWhereAsync($"{SelectKeys} WHERE prefix = @prefix AND revoked_at IS NULL ORDER BY id", new { prefix }, ct);

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct) =>
        ListWhereAsync($"{SelectKeys} ORDER BY id", null, ct);

    /// <summary>Saves name, hash, prefix and member; false when no key has that id. Revoking goes through <see cref="RevokeAsync"/>.</summary>
    public async Task<bool> UpdateAsync(ApiKey key, CancellationToken ct)
    {
        try
        {
            return await database.WriteAsync(session => session.ExecuteAsync(
                "UPDATE api_keys SET name = @Name, key_hash = @KeyHash, prefix = @Prefix, member_id = @MemberId WHERE id = @Id",
                KeyRow.From(key)), ct).ConfigureAwait(false) > 0;
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteErrorCodes.ConstraintUnique)
        {
            throw new HubException(HubErrorKind.Conflict, $"An API key named '{key.Name}' exists.", "name");
        }
    }

    /// <summary>Revokes a live key; false when there is no such key or it was already revoked (its revocation time stays).</summary>
    public async Task<bool> RevokeAsync(long id, DateTimeOffset at, CancellationToken ct) =>
        await database.WriteAsync(session => session.ExecuteAsync(
            "UPDATE api_keys SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL",
            new { id, at = SqliteTime.ToText(at) }), ct).ConfigureAwait(false) > 0;

    private Task<ApiKey?> GetOneAsync(string sql, object param, CancellationToken ct) =>
        database.ReadAsync(async session =>
            (await session.QuerySingleOrDefaultAsync<KeyRow>(sql, param).ConfigureAwait(false))?.ToKey(), ct);

    private Task<IReadOnlyList<ApiKey>> ListWhereAsync(string sql, object? param, CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<ApiKey>>(async session =>
            (await session.QueryAsync<KeyRow>(sql, param).ConfigureAwait(false)).Select(r => r.ToKey()).ToList(), ct);

    private sealed class KeyRow
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public string KeyHash { get; set; } = "";

        public string Prefix { get; set; } = "";

        public string CreatedAt { get; set; } = "";

        public string? RevokedAt { get; set; }

        public long? MemberId { get; set; }

        public static KeyRow From(ApiKey k) => new()
        {
            Id = k.Id,
            Name = k.Name,
            KeyHash = k.KeyHash,
            Prefix = k.Prefix,
            CreatedAt = SqliteTime.ToText(k.CreatedAt),
            RevokedAt = SqliteTime.ToText(k.RevokedAt),
            MemberId = k.MemberId,
        };

        public ApiKey ToKey() => new()
        {
            Id = Id,
            Name = Name,
            KeyHash = KeyHash,
            Prefix = Prefix,
            CreatedAt = SqliteTime.Parse(CreatedAt),
            RevokedAt = SqliteTime.ParseOrNull(RevokedAt),
            MemberId = MemberId,
        };
    }
}
