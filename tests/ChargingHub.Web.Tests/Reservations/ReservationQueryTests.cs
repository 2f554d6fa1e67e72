using System.Net;
using ChargingHub.Ocpp;

namespace ChargingHub.Web.Tests.Reservations;

/// <summary>GET /api/reservations (filters, order, limit) and GET /api/reservations/{id}.</summary>
public sealed class ReservationQueryTests(ReservationHubFixture hub) : IClassFixture<ReservationHubFixture>
{
    private ReservationApiClient Api => hub.Api;

    [Fact]
    public async Task List_WithFilters_AnswersMatchingReservationsNewestFirst()
    {
        await using var charger = await hub.StartChargerAsync("list", OcppVersion.V16, connectors: 3);
        await using var otherCharger = await hub.StartChargerAsync("list-other", OcppVersion.V201);
        var ids = new List<int>();
        foreach (var connector in new[] { 1, 2, 3 })
        {
            charger.ReserveNowAnswer = connector == 2 ? "Faulted" : null;
            var answer = await Api.ReserveAsync(new { chargerId = charger.ChargerId, connectorId = connector, expiryDate = ReservationApiClient.InMinutes(30), idTag = $"TAG-L{connector}" });
            answer.AssertStatus(HttpStatusCode.OK);
            ids.Add(answer.Data.GetProperty("reservation").GetProperty("reservationId").GetInt32());
            await Task.Delay(5); // distinct creation times
        }

        await Api.ReserveAcceptedAsync(new { chargerId = otherCharger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-OTHER" });

        var all = await Api.ListAsync($"chargerId={charger.ChargerId}");
        Assert.Equal(Enumerable.Reverse(ids), all.Select(r => r.GetProperty("reservationId").GetInt32()));
        Assert.All(all, r => Assert.Equal(charger.ChargerId, r.GetProperty("chargerId").GetString()));

        var active = await Api.ListAsync($"chargerId={charger.ChargerId}&status=active");
        Assert.Equal([ids[2], ids[0]], active.Select(r => r.GetProperty("reservationId").GetInt32()));
        Assert.All(active, r => Assert.Equal("Active", r.GetProperty("status").GetString()));

        var declined = Assert.Single(await Api.ListAsync($"chargerId={charger.ChargerId}&status=DECLINED"));
        Assert.Equal(ids[1], declined.GetProperty("reservationId").GetInt32());

        var newest = Assert.Single(await Api.ListAsync($"chargerId={charger.ChargerId}&limit=1"));
        Assert.Equal(ids[2], newest.GetProperty("reservationId").GetInt32());

        var everywhere = await Api.ListAsync("status=Active");
        Assert.Contains(everywhere, r => r.GetProperty("chargerId").GetString() == otherCharger.ChargerId);
        Assert.Contains(everywhere, r => r.GetProperty("chargerId").GetString() == charger.ChargerId);
    }

    [Theory]
    [InlineData("status=Sleeping", "status")]
    [InlineData("limit=0", "limit")]
    public async Task List_InvalidQuery_Answers400NamingTheParameter(string query, string parameter)
    {
        var answer = await Api.GetAsync($"/api/reservations?{query}");

        answer.AssertProblem(HttpStatusCode.BadRequest, parameter);
    }

    [Fact]
    public async Task Get_ByIdAndCharger_AnswersThatReservation()
    {
        await using var charger = await hub.StartChargerAsync("get", OcppVersion.V201);
        var made = await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 2, expiryDate = ReservationApiClient.InMinutes(30), idTag = "TAG-GET" });
        var id = made.GetProperty("reservationId").GetInt32();

        var found = await Api.GetReservationAsync(charger.ChargerId, id);

        Assert.Equal(id, found.GetProperty("reservationId").GetInt32());
        Assert.Equal(charger.ChargerId, found.GetProperty("chargerId").GetString());
        Assert.Equal(2, found.GetProperty("connectorId").GetInt32());
        Assert.Equal("TAG-GET", found.GetProperty("idTag").GetString());
        Assert.Equal("Active", found.GetProperty("status").GetString());
        Assert.Equal(made.GetProperty("expiryDate").GetString(), found.GetProperty("expiryDate").GetString());
        Assert.True(found.TryGetProperty("createdAt", out _));
        Assert.True(found.TryGetProperty("updatedAt", out _));
    }

    [Fact]
    public async Task Get_UnknownId_Answers404()
    {
        await using var charger = await hub.StartChargerAsync("get-unknown", OcppVersion.V16);

        var answer = await Api.GetAsync($"/api/reservations/9999?chargerId={charger.ChargerId}");

        answer.AssertProblem(HttpStatusCode.NotFound);
    }
}
