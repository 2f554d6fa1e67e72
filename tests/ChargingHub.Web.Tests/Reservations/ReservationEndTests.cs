using ChargingHub.Ocpp;

namespace ChargingHub.Web.Tests.Reservations;

/// <summary>How an Active reservation ends: used, expired (hub clock or charger), removed (OCTT TC_046, TC_047, TC_H_07, TC_H_20).</summary>
public sealed class ReservationEndTests(ReservationHubFixture hub) : IClassFixture<ReservationHubFixture>
{
    private ReservationApiClient Api => hub.Api;

    [Theory]
    [InlineData(OcppVersion.V16, null)]
    [InlineData(OcppVersion.V16, -1)]
    [InlineData(OcppVersion.V201, null)]
    public async Task TransactionStart_ByReservedTokenWithoutReservationId_MarksUsed(OcppVersion version, int? reservationId)
    {
        // Field behaviour: firmware that omits the id, or sends -1.
        await using var charger = await hub.StartChargerAsync("used-token", version);
        var id = (await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 2, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-USE" }))
            .GetProperty("reservationId").GetInt32();

        var (_, status) = await charger.StartTransactionAsync(2, "TAG-USE", reservationId);

        Assert.Equal("Accepted", status);
        Assert.Equal("Used", await Api.StatusOfAsync(charger.ChargerId, id));
        Assert.Null(await Api.ConnectorReservationIdAsync(charger.ChargerId, 2));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Expiry_PassesOnHubClock_ExpiredWithoutChargerMessage(OcppVersion version)
    {
        // TC_047: the hub marks it on its own clock; the simulator never reports anything.
        await using var charger = await hub.StartChargerAsync("expire", version);
        var expiry = DateTimeOffset.UtcNow.AddSeconds(2);
        var reservation = await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.Iso(expiry), idTag = "TAG-EXP" });
        var id = reservation.GetProperty("reservationId").GetInt32();

        await Api.WaitForStatusAsync(charger.ChargerId, id, "Expired", TimeSpan.FromSeconds(5));

        Assert.True(DateTimeOffset.UtcNow < expiry.AddSeconds(1), $"Expired only {DateTimeOffset.UtcNow - expiry} after its expiry.");
        Assert.Null(await Api.ConnectorReservationIdAsync(charger.ChargerId, 1));
        Assert.Equal(0, charger.Received.Count("CancelReservation"));
    }

    [Theory]
    [InlineData("Expired", "Expired")]
    [InlineData("Removed", "Removed")]
    public async Task ReservationStatusUpdate_FromCharger_EndsReservation(string update, string expected)
    {
        // TC_H_07 (Expired) / TC_H_20 (Removed)
        await using var charger = await hub.StartChargerAsync("rsu", OcppVersion.V201);
        var id = (await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-RSU" }))
            .GetProperty("reservationId").GetInt32();
        if (update == "Removed")
        {
            await charger.SendStatusAsync(1, "Faulted");
        }

        await charger.SendReservationStatusUpdateAsync(id, update);

        Assert.Equal(expected, await Api.StatusOfAsync(charger.ChargerId, id));
        Assert.Null(await Api.ConnectorReservationIdAsync(charger.ChargerId, 1));
    }

    [Theory]
    [InlineData(OcppVersion.V16, "Faulted")]
    [InlineData(OcppVersion.V16, "Unavailable")]
    [InlineData(OcppVersion.V201, "Faulted")]
    public async Task StatusNotification_ReservedConnectorFails_MarksRemoved(OcppVersion version, string status)
    {
        // 1.6 chargers send no ReservationStatusUpdate: a Faulted/Unavailable connector ends its reservation.
        await using var charger = await hub.StartChargerAsync("fault", version);
        var onOne = (await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-F1" }))
            .GetProperty("reservationId").GetInt32();
        var onTwo = (await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 2, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-F2" }))
            .GetProperty("reservationId").GetInt32();

        await charger.SendStatusAsync(1, status);

        var removed = await Api.GetReservationAsync(charger.ChargerId, onOne);
        Assert.Equal("Removed", removed.GetProperty("status").GetString());
        Assert.Contains(status, removed.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("Active", await Api.StatusOfAsync(charger.ChargerId, onTwo));
    }

    [Fact]
    public async Task Expiry_ReplacedWithShorterExpiry_ExpiresAtTheNewTime()
    {
        await using var charger = await hub.StartChargerAsync("expire-replaced", OcppVersion.V201);
        var id = (await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-SHORTER" }))
            .GetProperty("reservationId").GetInt32();
        var expiry = DateTimeOffset.UtcNow.AddSeconds(2);

        await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.Iso(expiry), idTag = "TAG-SHORTER", reservationId = id });

        await Api.WaitForStatusAsync(charger.ChargerId, id, "Expired", TimeSpan.FromSeconds(5));
        Assert.True(DateTimeOffset.UtcNow < expiry.AddSeconds(1), $"Expired only {DateTimeOffset.UtcNow - expiry} after its new expiry.");
        Assert.Single(await Api.ListAsync($"chargerId={charger.ChargerId}"));
    }

    [Fact]
    public async Task TransactionEvent_CablePluggedInFirstThenTokenPresented_MarksUsedOnlyWhenTokenArrives()
    {
        // H03 S1 variant B: the transaction starts without a token; the reserved token shows up in a later Updated event.
        await using var charger = await hub.StartChargerAsync("cable-first", OcppVersion.V201);
        var id = (await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-CABLE" }))
            .GetProperty("reservationId").GetInt32();
        var now = ReservationApiClient.Iso(DateTimeOffset.UtcNow);

        await charger.CallRawAsync("TransactionEvent", System.Text.Json.JsonSerializer.SerializeToElement(new
        {
            eventType = "Started", timestamp = now, triggerReason = "CablePluggedIn", seqNo = 0,
            transactionInfo = new { transactionId = "TX-CABLE-1", chargingState = "EVConnected" }, evse = new { id = 1, connectorId = 1 },
        }));
        Assert.Equal("Active", await Api.StatusOfAsync(charger.ChargerId, id));

        var answer = await charger.CallRawAsync("TransactionEvent", System.Text.Json.JsonSerializer.SerializeToElement(new
        {
            eventType = "Updated", timestamp = now, triggerReason = "Authorized", seqNo = 1,
            transactionInfo = new { transactionId = "TX-CABLE-1", chargingState = "Charging" }, idToken = new { idToken = "TAG-CABLE", type = "ISO14443" },
        }));

        Assert.Equal("Accepted", answer.GetProperty("idTokenInfo").GetProperty("status").GetString());
        Assert.Equal("Used", await Api.StatusOfAsync(charger.ChargerId, id));
    }
}
