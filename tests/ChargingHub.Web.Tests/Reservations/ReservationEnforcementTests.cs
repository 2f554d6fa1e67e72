using System.Net;
using ChargingHub.Ocpp;

namespace ChargingHub.Web.Tests.Reservations;

/// <summary>
/// The hub does not rely on the charger alone: firmware that ignores reservations, and chargers without any
/// reservation support (the hub keeps those reservations itself).
/// </summary>
public sealed class ReservationEnforcementTests(ReservationHubFixture hub) : IClassFixture<ReservationHubFixture>
{
    private ReservationApiClient Api => hub.Api;

    private static string Refused(OcppVersion version) => version == OcppVersion.V16 ? "Invalid" : "NotAtThisTime";

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task TransactionStart_OtherTokenOnReservedConnector_IsRefusedAndReservedTokenAccepted(OcppVersion version)
    {
        await using var charger = await hub.StartChargerAsync("enforce", version);
        var id = (await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-OWNER" }))
            .GetProperty("reservationId").GetInt32();

        var (_, intruder) = await charger.StartTransactionAsync(1, "TAG-INTRUDER");
        var (_, elsewhere) = await charger.StartTransactionAsync(2, "TAG-INTRUDER");

        Assert.Equal(Refused(version), intruder);
        Assert.Equal("Accepted", elsewhere);
        Assert.Equal("Active", await Api.StatusOfAsync(charger.ChargerId, id));

        var (_, owner) = await charger.StartTransactionAsync(1, "TAG-OWNER");
        Assert.Equal("Accepted", owner);
        Assert.Equal("Used", await Api.StatusOfAsync(charger.ChargerId, id));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Authorize_OtherTokenWhileOnlyConnectorReserved_IsRefusedAndReservedTokenAccepted(OcppVersion version)
    {
        await using var charger = await hub.StartChargerAsync("enforce-auth", version, connectors: 1);
        var id = (await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-MINE" }))
            .GetProperty("reservationId").GetInt32();

        var (intruder, _) = await charger.AuthorizeAsync("TAG-NOT-MINE");
        var (owner, _) = await charger.AuthorizeAsync("TAG-MINE");

        Assert.Equal(Refused(version), intruder);
        Assert.Equal("Accepted", owner);
        Assert.Equal("Active", await Api.StatusOfAsync(charger.ChargerId, id));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Reserve_ChargerWithoutReservationSupport_HubHoldsConnectorWithoutReserveNow(OcppVersion version)
    {
        await using var charger = await hub.StartChargerAsync("no-support", version, supportsReservations: false);
        Assert.Equal("hub", (await Api.GetChargerAsync(charger.ChargerId)).GetProperty("reservations").GetString());

        var reservation = await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-HUB" });

        Assert.Equal("hub", reservation.GetProperty("enforcedBy").GetString());
        var id = reservation.GetProperty("reservationId").GetInt32();
        Assert.Equal(id, await Api.ConnectorReservationIdAsync(charger.ChargerId, 1));
        var (_, intruder) = await charger.StartTransactionAsync(1, "TAG-NOT-HUB");
        Assert.Equal(Refused(version), intruder);

        var anyConnector = await Api.ReserveAsync(new { chargerId = charger.ChargerId, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-HUB-ANY" });
        anyConnector.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Rejected", anyConnector.Data.GetProperty("status").GetString());
        Assert.Equal("Declined", anyConnector.Data.GetProperty("reservation").GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(anyConnector.Data.GetProperty("reservation").GetProperty("reason").GetString()));

        var canceled = await Api.CancelAsync(id, charger.ChargerId);
        canceled.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Accepted", canceled.Data.GetProperty("status").GetString());
        Assert.Equal("Canceled", await Api.StatusOfAsync(charger.ChargerId, id));
        Assert.Equal(0, charger.Received.Count("ReserveNow"));
        Assert.Equal(0, charger.Received.Count("CancelReservation"));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task TransactionStart_ReservedTokenOnHubHeldConnector_MarksUsed(OcppVersion version)
    {
        await using var charger = await hub.StartChargerAsync("no-support-use", version, supportsReservations: false);
        var id = (await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 2, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-HUB-USE" }))
            .GetProperty("reservationId").GetInt32();

        var (_, status) = await charger.StartTransactionAsync(2, "TAG-HUB-USE");

        Assert.Equal("Accepted", status);
        Assert.Equal("Used", await Api.StatusOfAsync(charger.ChargerId, id));
    }
}
