using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Tokens;
using ChargingHub.Infrastructure.Accounts;

namespace ChargingHub.Web.Ui;

/// <summary>Who carries which token: turns a reservation's idTag into a person's name and tells whose it is.</summary>
public sealed class People
{
    private readonly Dictionary<string, IdToken> _tokens;
    private readonly Dictionary<long, Member> _members;

    public People(IEnumerable<IdToken> tokens, IEnumerable<Member> members)
    {
        _tokens = new Dictionary<string, IdToken>(StringComparer.OrdinalIgnoreCase);
        foreach (var token in tokens)
        {
            _tokens[token.IdTag] = token;
        }

        _members = members.ToDictionary(m => m.Id);
    }

    public static People Empty { get; } = new([], []);

    public IEnumerable<IdToken> Tokens => _tokens.Values;

    public IdToken? Token(string idTag) => _tokens.GetValueOrDefault(idTag);

    public Member? Member(long id) => _members.GetValueOrDefault(id);

    /// <summary>The member owning the token, else the token's own name, else (nothing better known) the tag itself.</summary>
    public string NameFor(string idTag)
    {
        var token = Token(idTag);
        if (token?.MemberId is { } memberId && Member(memberId) is { } member)
        {
            return HubUser.NameOf(member);
        }

        return string.IsNullOrWhiteSpace(token?.Name) ? idTag : token.Name;
    }

    public bool Owns(HubUser user, string idTag) => Token(idTag)?.MemberId == user.MemberId;

    /// <summary>Tokens the user may reserve with: their own, or every token for an admin. Blocked ones are left out.</summary>
    public IReadOnlyList<IdToken> UsableBy(HubUser user) =>
        _tokens.Values
            .Where(t => !t.Blocked && (user.IsAdmin || t.MemberId == user.MemberId))
            .OrderBy(t => t.MemberId != user.MemberId)
            .ThenBy(t => t.Name ?? t.IdTag, StringComparer.OrdinalIgnoreCase)
            .ToList();

    public IReadOnlyList<IdToken> TokensOf(long memberId) =>
        _tokens.Values.Where(t => t.MemberId == memberId).OrderBy(t => t.IdTag, StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>Loads <see cref="People"/> from the stores.</summary>
public sealed class PeopleDirectory(ITokenStore tokens, MemberStore members)
{
    public async Task<People> LoadAsync(CancellationToken ct) =>
        new(await tokens.ListAsync(ct), await members.ListAsync(ct));
}
