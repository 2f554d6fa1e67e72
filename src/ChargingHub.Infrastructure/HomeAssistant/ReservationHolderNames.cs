using ChargingHub.Domain.Ports;
using ChargingHub.Infrastructure.Accounts;

namespace ChargingHub.Infrastructure.HomeAssistant;

/// <summary>
/// Who a reservation is for, as MQTT may show it: the owning member's display name, else the token's name, else the
/// token itself. Looked up once when a reservation becomes Active, not per event.
/// </summary>
public sealed class ReservationHolderNames(ITokenStore tokens, MemberStore members)
{
    public async Task<ReservationHolder> ResolveAsync(string idTag, CancellationToken ct)
    {
        var token = await tokens.GetAsync(idTag, ct).ConfigureAwait(false);
        if (token?.MemberId is { } memberId
            && await members.GetAsync(memberId, ct).ConfigureAwait(false) is { DisplayName: { } displayName }
            && !string.IsNullOrWhiteSpace(displayName))
        {
            return new ReservationHolder(displayName, IsToken: false);
        }

        return string.IsNullOrWhiteSpace(token?.Name)
            ? ReservationHolder.Token(idTag)
            : new ReservationHolder(token.Name, IsToken: false);
    }
}
