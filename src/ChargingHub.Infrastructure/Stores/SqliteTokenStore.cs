using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Tokens;
using ChargingHub.Infrastructure.Sqlite;

namespace ChargingHub.Infrastructure.Stores;

/// <summary>Id tokens keyed by idTag, compared case-insensitively (the column is NOCASE).</summary>
public sealed class SqliteTokenStore(SqliteDatabase database) : ITokenStore
{
    private const string SelectTokens = "SELECT id_tag, parent_id_tag, name, blocked, member_id FROM id_tokens";

    public Task<IdToken?> GetAsync(string idTag, CancellationToken ct) =>
        database.ReadAsync(async session =>
        {
            var row = await session.QuerySingleOrDefaultAsync<TokenRow>($"{SelectTokens} WHERE id_tag = @idTag", new { idTag })
                .ConfigureAwait(false);
            return row?.ToToken();
        }, ct);

    public Task<IReadOnlyList<IdToken>> ListAsync(CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<IdToken>>(async session =>
            (await session.QueryAsync<TokenRow>($"{SelectTokens} ORDER BY id_tag").ConfigureAwait(false))
            .Select(r => r.ToToken())
            .ToList(), ct);

    /// <summary>Inserts or replaces; replacing also takes over the new spelling of the idTag.</summary>
    public Task SaveAsync(IdToken token, CancellationToken ct) =>
        database.WriteAsync(session => session.ExecuteAsync("""
            INSERT INTO id_tokens (id_tag, parent_id_tag, name, blocked, member_id)
            VALUES (@IdTag, @ParentIdTag, @Name, @Blocked, @MemberId)
            ON CONFLICT (id_tag) DO UPDATE SET
                id_tag = excluded.id_tag, parent_id_tag = excluded.parent_id_tag, name = excluded.name,
                blocked = excluded.blocked, member_id = excluded.member_id
            """, new { token.IdTag, token.ParentIdTag, token.Name, Blocked = token.Blocked ? 1 : 0, token.MemberId }), ct);

    public async Task<bool> DeleteAsync(string idTag, CancellationToken ct) =>
        await database.WriteAsync(session => session.ExecuteAsync("DELETE FROM id_tokens WHERE id_tag = @idTag", new { idTag }), ct)
            .ConfigureAwait(false) > 0;

    private sealed class TokenRow
    {
        public string IdTag { get; set; } = "";

        public string? ParentIdTag { get; set; }

        public string? Name { get; set; }

        public long Blocked { get; set; }

        public long? MemberId { get; set; }

        public IdToken ToToken() => new()
        {
            IdTag = IdTag,
            ParentIdTag = ParentIdTag,
            Name = Name,
            Blocked = Blocked != 0,
            MemberId = MemberId,
        };
    }
}
