using System.Net;
using ChargingHub.Ocpp;

namespace ChargingHub.Web.Tests.Reservations;

/// <summary>A charger that never answers ReserveNow (Hub:Ocpp:CallTimeoutSeconds is 2 in the test host).</summary>
public sealed class ReserveTimeoutTests(ReservationHubFixture hub) : IClassFixture<ReservationHubFixture>
{
    private ReservationApiClient Api => hub.Api;

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Reserve_ChargerDoesNotAnswer_Answers504AndFailsThenCancelsOnCharger(OcppVersion version)
    {
        await using var charger = await hub.StartChargerAsync("silent", version);
        charger.Unresponsive = true;

        var answer = await Api.ReserveAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-SILENT" });

        answer.AssertProblem(HttpStatusCode.GatewayTimeout);
        var sent = await charger.Received.WaitForAsync("ReserveNow");
        var id = sent.ReservationIdOf(version);
        var failed = Assert.Single(await Api.ListAsync($"chargerId={charger.ChargerId}"));
        Assert.Equal(id, failed.GetProperty("reservationId").GetInt32());
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        var cancel = await charger.Received.WaitForAsync("CancelReservation", TimeSpan.FromSeconds(5));
        Assert.Equal(id, cancel.Payload.GetProperty("reservationId").GetInt32());
        Assert.Null(await Api.ConnectorReservationIdAsync(charger.ChargerId, 1));
    }

    [Fact]
    public async Task Reserve_ReplacementGetsNoAnswer_Answers504AndOldOneEndsCanceled()
    {
        await using var charger = await hub.StartChargerAsync("silent-replace", OcppVersion.V201);
        var id = (await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-OLD" }))
            .GetProperty("reservationId").GetInt32();
        charger.Unresponsive = true;

        var answer = await Api.ReserveAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(60), idTag = "TAG-OLD", reservationId = id });

        answer.AssertProblem(HttpStatusCode.GatewayTimeout);
        var old = Assert.Single(await Api.ListAsync($"chargerId={charger.ChargerId}"));
        Assert.Equal(id, old.GetProperty("reservationId").GetInt32());
        Assert.Equal("Canceled", old.GetProperty("status").GetString());
        Assert.Equal(id, (await charger.Received.WaitForAsync("CancelReservation", TimeSpan.FromSeconds(5))).Payload.GetProperty("reservationId").GetInt32());
    }

    [Fact]
    public async Task Reserve_ChargerDisconnectsBeforeAnswering_Answers503AndFails()
    {
        var charger = await hub.StartChargerAsync("vanish", OcppVersion.V16);
        charger.HoldReserveNowUntil = new TaskCompletionSource().Task;
        var reserving = Task.Run(() => Api.ReserveAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-VANISH" }));
        var id = (await charger.Received.WaitForAsync("ReserveNow")).ReservationIdOf(OcppVersion.V16);

        await charger.DisposeAsync();
        var answer = await reserving;

        answer.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Failed", await Api.StatusOfAsync(charger.ChargerId, id));
    }
}
