using System.Net;
using ChargingHub.Ocpp;

namespace ChargingHub.Web.Tests.Reservations;

/// <summary>POST /api/reservations/{id}/cancel and its charger-scoped alias (OCTT TC_051, TC_052, TC_H_17).</summary>
public sealed class CancelTests(ReservationHubFixture hub) : IClassFixture<ReservationHubFixture>
{
    private ReservationApiClient Api => hub.Api;

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Cancel_ChargerAccepts_SendsCancelReservationAndStoresCanceled(OcppVersion version)
    {
        // TC_051 / TC_H_17
        await using var charger = await hub.StartChargerAsync("cancel", version);
        var id = (await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-C" }))
            .GetProperty("reservationId").GetInt32();

        var answer = await Api.CancelAsync(id, charger.ChargerId);

        answer.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Accepted", answer.Data.GetProperty("status").GetString());
        Assert.Equal("Canceled", answer.Data.GetProperty("reservation").GetProperty("status").GetString());
        var sent = await charger.Received.WaitForAsync("CancelReservation");
        Assert.Equal(id, sent.Payload.GetProperty("reservationId").GetInt32());
        Assert.Equal("Canceled", await Api.StatusOfAsync(charger.ChargerId, id));
        Assert.Null(await Api.ConnectorReservationIdAsync(charger.ChargerId, 1));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Cancel_ChargerRejects_AnswersRejectedAndStoresCanceledWithReason(OcppVersion version)
    {
        // TC_052: the charger no longer had it, so hub and charger agree it is gone.
        await using var charger = await hub.StartChargerAsync("cancel-rejected", version);
        var id = (await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-CR" }))
            .GetProperty("reservationId").GetInt32();
        charger.CancelReservationAnswer = "Rejected";

        var answer = await Api.CancelAsync(id, charger.ChargerId);

        answer.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Rejected", answer.Data.GetProperty("status").GetString());
        var reservation = answer.Data.GetProperty("reservation");
        Assert.Equal("Canceled", reservation.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(reservation.GetProperty("reason").GetString()));
        Assert.Equal(id, (await charger.Received.WaitForAsync("CancelReservation")).Payload.GetProperty("reservationId").GetInt32());
        Assert.Equal("Canceled", await Api.StatusOfAsync(charger.ChargerId, id));
    }

    [Fact]
    public async Task Cancel_UnknownReservation_Answers404()
    {
        await using var charger = await hub.StartChargerAsync("cancel-unknown", OcppVersion.V16);

        var answer = await Api.CancelAsync(4242, charger.ChargerId);

        answer.AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, charger.Received.Count("CancelReservation"));
    }

    [Fact]
    public async Task Cancel_UnknownCharger_Answers404()
    {
        var answer = await Api.CancelAsync(1, "NO-SUCH-CHARGER");

        answer.AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Cancel_AlreadyEnded_Answers409(OcppVersion version)
    {
        await using var charger = await hub.StartChargerAsync("cancel-twice", version);
        var id = (await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-TWICE" }))
            .GetProperty("reservationId").GetInt32();
        (await Api.CancelAsync(id, charger.ChargerId)).AssertStatus(HttpStatusCode.OK);

        var again = await Api.CancelAsync(id, charger.ChargerId);

        again.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(1, charger.Received.Count("CancelReservation"));
        Assert.Equal("Canceled", await Api.StatusOfAsync(charger.ChargerId, id));
    }

    [Fact]
    public async Task Cancel_DeclinedReservation_Answers409()
    {
        await using var charger = await hub.StartChargerAsync("cancel-declined", OcppVersion.V201);
        charger.ReserveNowAnswer = "Faulted";
        var declined = await Api.ReserveAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-D" });
        var id = declined.Data.GetProperty("reservation").GetProperty("reservationId").GetInt32();

        var answer = await Api.CancelAsync(id, charger.ChargerId);

        answer.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(0, charger.Received.Count("CancelReservation"));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task ChargerActions_ReserveNowThenCancelReservation_WorkLikeTheReservationCalls(OcppVersion version)
    {
        await using var charger = await hub.StartChargerAsync("alias", version);

        var reserved = await Api.PostAsync($"/api/chargers/{charger.ChargerId}/actions/reserve-now",
            new { connectorId = 2, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-ALIAS" });

        reserved.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Accepted", reserved.Data.GetProperty("status").GetString());
        var reservation = reserved.Data.GetProperty("reservation");
        Assert.Equal(charger.ChargerId, reservation.GetProperty("chargerId").GetString());
        Assert.Equal(2, reservation.GetProperty("connectorId").GetInt32());
        var id = reservation.GetProperty("reservationId").GetInt32();
        Assert.Equal(id, (await charger.Received.WaitForAsync("ReserveNow")).ReservationIdOf(version));

        var canceled = await Api.PostAsync($"/api/chargers/{charger.ChargerId}/actions/cancel-reservation", new { reservationId = id });

        canceled.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Accepted", canceled.Data.GetProperty("status").GetString());
        Assert.Equal("Canceled", canceled.Data.GetProperty("reservation").GetProperty("status").GetString());
        Assert.Equal(id, (await charger.Received.WaitForAsync("CancelReservation")).Payload.GetProperty("reservationId").GetInt32());
        Assert.Equal("Canceled", await Api.StatusOfAsync(charger.ChargerId, id));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Cancel_WhilePending_WaitsForChargerAnswerThenCancels(OcppVersion version)
    {
        await using var charger = await hub.StartChargerAsync("cancel-pending", version);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        charger.HoldReserveNowUntil = release.Task;
        var reserving = Task.Run(() => Api.ReserveAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-P" }));
        var id = (await charger.Received.WaitForAsync("ReserveNow")).ReservationIdOf(version);
        Assert.Equal("Pending", await Api.StatusOfAsync(charger.ChargerId, id));

        var canceling = Task.Run(() => Api.CancelAsync(id, charger.ChargerId));
        await Task.Delay(200);
        Assert.False(canceling.IsCompleted, "The cancel did not wait for the charger's answer to the reservation.");
        release.SetResult();
        var reserved = await reserving;
        var canceled = await canceling;

        reserved.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Accepted", reserved.Data.GetProperty("status").GetString());
        canceled.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Accepted", canceled.Data.GetProperty("status").GetString());
        Assert.Equal("Canceled", canceled.Data.GetProperty("reservation").GetProperty("status").GetString());
        Assert.Equal(id, (await charger.Received.WaitForAsync("CancelReservation")).Payload.GetProperty("reservationId").GetInt32());
        Assert.Equal("Canceled", await Api.StatusOfAsync(charger.ChargerId, id));
    }

    [Fact]
    public async Task Cancel_ChargerNotConnected_Answers503AndReservationStaysActive()
    {
        var charger = await hub.StartChargerAsync("cancel-offline", OcppVersion.V201);
        var chargerId = charger.ChargerId;
        var id = (await Api.ReserveAcceptedAsync(new { chargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-OFF" }))
            .GetProperty("reservationId").GetInt32();
        await charger.DisposeAsync();
        await Api.WaitUntilOfflineAsync(chargerId);

        var answer = await Api.CancelAsync(id, chargerId);

        answer.AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Active", await Api.StatusOfAsync(chargerId, id));
        Assert.Equal(id, await Api.ConnectorReservationIdAsync(chargerId, 1));
    }

    [Theory]
    [InlineData("/api/reservations/1/cancel", "{}", "chargerId")]
    [InlineData("/api/chargers/{charger}/actions/cancel-reservation", "{}", "reservationId")]
    [InlineData("/api/chargers/{charger}/actions/cancel-reservation", """{ "reservationId": "x" }""", "reservationId")]
    public async Task Cancel_InvalidBody_Answers400NamingTheField(string path, string json, string field)
    {
        await using var charger = await hub.StartChargerAsync("cancel-invalid", OcppVersion.V16);

        var answer = await Api.PostRawAsync(path.Replace("{charger}", charger.ChargerId, StringComparison.Ordinal), json);

        answer.AssertProblem(HttpStatusCode.BadRequest, field);
        Assert.Equal(0, charger.Received.Count("CancelReservation"));
    }
}
