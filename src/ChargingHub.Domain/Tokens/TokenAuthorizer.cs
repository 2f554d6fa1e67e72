using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;

namespace ChargingHub.Domain.Tokens;

/// <summary>What the hub does with an id token it does not know (<c>Hub:Ocpp:UnknownTokens</c>).</summary>
public enum UnknownTokenPolicy
{
    Reject,
    Accept,
}

public sealed class TokenPolicyOptions
{
    public UnknownTokenPolicy UnknownTokens { get; set; } = UnknownTokenPolicy.Reject;
}

public enum AuthorizationVerdict
{
    Accepted,
    Blocked,
    Invalid,

    /// <summary>The token is fine, but the connector is reserved for someone else.</summary>
    ReservedForSomeoneElse,
}

/// <summary>The answer to a charger's Authorize or transaction start; <see cref="ParentIdTag"/> is the token's group (H03).</summary>
public sealed record AuthorizationDecision(AuthorizationVerdict Verdict, string? ParentIdTag)
{
    public bool IsAccepted => Verdict == AuthorizationVerdict.Accepted;
}

/// <summary>Decides whether an id token may charge, from the token store, the unknown-token policy and the reservations.</summary>
public sealed class TokenAuthorizer(ITokenStore tokens, ReservationService reservations, Microsoft.Extensions.Options.IOptions<TokenPolicyOptions> options)
{
    public async Task<AuthorizationDecision> AuthorizeAsync(string chargerId, int? connectorId, string idTag, CancellationToken ct)
    {
        var token = await tokens.GetAsync(idTag, ct).ConfigureAwait(false);
        if (token is null)
        {
            if (options.Value.UnknownTokens == UnknownTokenPolicy.Reject)
            {
                return new AuthorizationDecision(AuthorizationVerdict.Invalid, null);
            }
        }
        else if (token.Blocked)
        {
            return new AuthorizationDecision(AuthorizationVerdict.Blocked, token.ParentIdTag);
        }

        var parent = token?.ParentIdTag;
        if (await reservations.IsHeldForSomeoneElseAsync(chargerId, connectorId, idTag, parent, ct).ConfigureAwait(false))
        {
            return new AuthorizationDecision(AuthorizationVerdict.ReservedForSomeoneElse, parent);
        }

        return new AuthorizationDecision(AuthorizationVerdict.Accepted, parent);
    }
}
