using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;

namespace ChargingHub.Web.Ui;

/// <summary>One charger as the board shows it to one user.</summary>
public sealed record ChargerCard(
    string ChargerId,
    string Title,
    bool Online,
    bool AwaitingApproval,
    IReadOnlyList<ConnectorCard> Connectors,
    IReadOnlyList<ReservationBadge> AnyConnector);

/// <summary>One connector (1.6) or EVSE (2.0.1) on the board.</summary>
public sealed record ConnectorCard(
    int ConnectorId,
    string StatusText,
    StatusTone Tone,
    string ConnectorType,
    ReservationBadge? Reservation,
    bool CanReserve);

/// <summary>An open reservation on the board: for whom, until when, and whether this user may cancel it.</summary>
public sealed record ReservationBadge(
    string ChargerId,
    int ReservationId,
    string ForName,
    DateTimeOffset ExpiresAt,
    bool Pending,
    bool IsMine,
    bool CanCancel);

/// <summary>What a card needs besides its data: the clock and the antiforgery token for its Cancel forms.</summary>
public sealed record CardContext(DateTimeOffset Now, string AntiforgeryFieldName, string? AntiforgeryToken, string ReturnUrl = "/");

/// <summary>Builds the board's cards from the stores and the live connection state.</summary>
public sealed class BoardQueries(IChargerStore chargers, IReservationStore reservations, IChargerGateway gateway, PeopleDirectory people)
{
    public async Task<IReadOnlyList<ChargerCard>> ListAsync(HubUser user, CancellationToken ct)
    {
        var all = await chargers.ListAsync(ct);
        var open = await reservations.ListOpenAsync(ct);
        var directory = await people.LoadAsync(ct);
        var byCharger = open.ToLookup(r => r.ChargerId, StringComparer.Ordinal);
        return all
            .OrderBy(c => c.Label, StringComparer.OrdinalIgnoreCase)
            .Select(c => Build(c, gateway.IsConnected(c.Id), byCharger[c.Id].ToList(), directory, user))
            .ToList();
    }

    public async Task<ChargerCard?> GetAsync(string chargerId, HubUser user, CancellationToken ct)
    {
        var charger = await chargers.GetAsync(chargerId, ct);
        if (charger is null)
        {
            return null;
        }

        var open = await reservations.ListOpenAsync(chargerId, ct);
        return Build(charger, gateway.IsConnected(chargerId), open, await people.LoadAsync(ct), user);
    }

    public static ChargerCard Build(Charger charger, bool online, IReadOnlyList<Reservation> open, People people, HubUser user)
    {
        // Admins may reserve for any id tag (as over the API), so they may reserve even before any token is known.
        var mayReserveHere = online && charger.Registration == RegistrationStatus.Accepted
            && charger.Reservations != ReservationSupport.None && (user.IsAdmin || people.UsableBy(user).Count > 0);
        var connectors = charger.Connectors
            .Where(c => c.ConnectorId > 0)
            .OrderBy(c => c.ConnectorId)
            .Select(c =>
            {
                var held = open.Where(r => r.Terms.ConnectorId == c.ConnectorId)
                    .OrderBy(r => r.Status == ReservationStatus.Active ? 0 : 1)
                    .FirstOrDefault();
                var (text, tone) = StatusWords.Connector(c.Status, online, held is { Status: ReservationStatus.Active });
                return new ConnectorCard(c.ConnectorId, text, tone, StatusWords.ConnectorType(c.ConnectorType),
                    held is null ? null : Badge(held, people, user),
                    mayReserveHere && held is null && StatusWords.IsReservable(c.Status));
            })
            .ToList();
        var anyConnector = open.Where(r => r.Terms.IsAnyConnector).Select(r => Badge(r, people, user)).ToList();
        return new ChargerCard(charger.Id, charger.Label, online, charger.Registration == RegistrationStatus.Pending, connectors, anyConnector);
    }

    private static ReservationBadge Badge(Reservation r, People people, HubUser user)
    {
        var mine = people.Owns(user, r.Terms.IdTag);
        return new ReservationBadge(r.ChargerId, r.ReservationId, people.NameFor(r.Terms.IdTag), r.Terms.ExpiresAt,
            r.Status == ReservationStatus.Pending, mine, r.Status == ReservationStatus.Active && (mine || user.IsAdmin));
    }
}
