using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChargingHub.Ocpp;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Healthz_AfterStart_AnswersReady()
    {
        using var hub = new HubTestHost();
        var response = await hub.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Reserve_OnBootedSimulator_IsAcceptedAndReachesCharger(OcppVersion version)
    {
        using var hub = new HubTestHost();
        await using var charger = await hub.StartChargerAsync("CP-SMOKE", version);
        var api = hub.CreateApiClient();

        var response = await api.PostAsJsonAsync(new Uri("/api/reservations", UriKind.Relative), new
        {
            chargerId = "CP-SMOKE",
            connectorId = 1,
            expiryDate = DateTimeOffset.UtcNow.AddMinutes(30).ToString("O"),
            idTag = "TAG-1",
        });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Accepted", body.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal("Active", body.GetProperty("data").GetProperty("reservation").GetProperty("status").GetString());
        var sent = await charger.Received.WaitForAsync("ReserveNow");
        Assert.Equal("TAG-1", version == OcppVersion.V16
            ? sent.Payload.GetProperty("idTag").GetString()
            : sent.Payload.GetProperty("idToken").GetProperty("idToken").GetString());
    }
}
