using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;

namespace ChargingHub.Web.Api;

/// <summary>Builds the charger list as the API and the board show it: stored state plus live connection and reservations.</summary>
public sealed class ChargerViews(IChargerStore chargers, IReservationStore reservations, IChargerGateway gateway, ChargerService chargerService)
{
    public async Task<IReadOnlyList<ChargerDto>> ListAsync(CancellationToken ct)
    {
        var all = await chargers.ListAsync(ct);
        var open = await reservations.ListOpenAsync(ct);
        return all.Select(c => ToDto(c, open)).ToList();
    }

    public async Task<ChargerDto?> GetAsync(string chargerId, CancellationToken ct)
    {
        var charger = await chargers.GetAsync(chargerId, ct);
        return charger is null ? null : ToDto(charger, await reservations.ListOpenAsync(chargerId, ct));
    }

    private ChargerDto ToDto(Charger c, IReadOnlyList<Reservation> open)
    {
        var connectors = c.Connectors
            .Select(k => new ConnectorDto(k.ConnectorId, k.Status, k.ConnectorType,
                open.FirstOrDefault(r => r.ChargerId == c.Id && r.Status == ReservationStatus.Active && r.Terms.ConnectorId == k.ConnectorId)?.ReservationId))
            .ToList();
        return new ChargerDto(c.Id, c.DisplayName, c.Protocol?.DisplayName(), c.Registration.ToString(), gateway.IsConnected(c.Id),
            chargerService.LastSeen(c), c.Vendor, c.Model, c.FirmwareVersion, ChargerDto.ReservationsLabel(c.Reservations),
            c.PasswordHash is not null, connectors);
    }
}
