using ChargingHub.Domain;
using ChargingHub.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChargingHub.Infrastructure.Accounts;

/// <summary>Web UI members. User names are unique regardless of case.</summary>
public sealed class MemberStore(SqliteDatabase database)
{
    private const string SelectMembers = "SELECT id, user_name, display_name, password_hash, role, disabled, created_at FROM members";

    /// <summary>Adds the member and returns it with its new id; a <see cref="HubErrorKind.Conflict"/> when the user name is taken.</summary>
    public async Task<Member> AddAsync(Member member, CancellationToken ct)
    {
        try
        {
            var id = await database.WriteAsync(session => session.ExecuteScalarAsync<long>("""
                INSERT INTO members (user_name, display_name, password_hash, role, disabled, created_at)
                VALUES (@UserName, @DisplayName, @PasswordHash, @Role, @Disabled, @CreatedAt)
                RETURNING id
                """, MemberRow.From(member)), ct).ConfigureAwait(false);
            return member with { Id = id };
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteErrorCodes.ConstraintUnique)
        {
            throw new HubException(HubErrorKind.Conflict, $"User name '{member.UserName}' is taken.", "userName");
        }
    }

    public Task<Member?> GetAsync(long id, CancellationToken ct) =>
        GetOneAsync($"{SelectMembers} WHERE id = @id", new { id }, ct);

    public Task<Member?> GetByUserNameAsync(string userName, CancellationToken ct) =>
        GetOneAsync($"{SelectMembers} WHERE user_name = @userName", new { userName }, ct);

    public Task<IReadOnlyList<Member>> ListAsync(CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<Member>>(async session =>
            (await session.QueryAsync<MemberRow>($"{SelectMembers} ORDER BY user_name").ConfigureAwait(false))
            .Select(r => r.ToMember())
            .ToList(), ct);

    /// <summary>Saves every field but the id and creation time; false when no member has that id.</summary>
    public async Task<bool> UpdateAsync(Member member, CancellationToken ct)
    {
        try
        {
            return await database.WriteAsync(session => session.ExecuteAsync("""
                UPDATE members SET user_name = @UserName, display_name = @DisplayName, password_hash = @PasswordHash,
                                   role = @Role, disabled = @Disabled
                WHERE id = @Id
                """, MemberRow.From(member)), ct).ConfigureAwait(false) > 0;
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteErrorCodes.ConstraintUnique)
        {
            throw new HubException(HubErrorKind.Conflict, $"User name '{member.UserName}' is taken.", "userName");
        }
    }

    private Task<Member?> GetOneAsync(string sql, object param, CancellationToken ct) =>
        database.ReadAsync(async session =>
            (await session.QuerySingleOrDefaultAsync<MemberRow>(sql, param).ConfigureAwait(false))?.ToMember(), ct);

    private sealed class MemberRow
    {
        public long Id { get; set; }

        public string UserName { get; set; } = "";

        public string? DisplayName { get; set; }

        public string PasswordHash { get; set; } = "";

        public string Role { get; set; } = "";

        public long Disabled { get; set; }

        public string CreatedAt { get; set; } = "";

        public static MemberRow From(Member m) => new()
        {
            Id = m.Id,
            UserName = m.UserName,
            DisplayName = m.DisplayName,
            PasswordHash = m.PasswordHash,
            Role = m.Role.ToString(),
            Disabled = m.Disabled ? 1 : 0,
            CreatedAt = SqliteTime.ToText(m.CreatedAt),
        };

        public Member ToMember() => new()
        {
            Id = Id,
            UserName = UserName,
            DisplayName = DisplayName,
            PasswordHash = PasswordHash,
            Role = Enum.Parse<MemberRole>(Role),
            Disabled = Disabled != 0,
            CreatedAt = SqliteTime.Parse(CreatedAt),
        };
    }
}
