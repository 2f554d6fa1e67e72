using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ChargingHub.Ocpp;
using ChargingHub.Web.Tests.Ocpp;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Api;

public sealed class ChargerApiTests(AcceptingHubFixture fixture) : IClassFixture<AcceptingHubFixture>
{
    private static readonly string[] ChargerKeys = ["id", "ocppVersion", "registration", "online", "lastSeen", "vendor", "model", "reservations", "connectors"];

    private HubTestHost Hub => fixture.Hub;

    [Fact]
    public async Task List_WithChargersOfBothVersions_HasTheContractShape()
    {
        var api = Hub.CreateApiClient();
        var id16 = OcppTesting.NewChargerId("API16");
        var id201 = OcppTesting.NewChargerId("API201");
        await using var charger16 = await Hub.StartChargerAsync(id16, OcppVersion.V16, connectors: 2);
        await using var station = await Hub.ConnectClientAsync(id201, OcppVersion.V201);
        Assert.Equal("Accepted", await station.BootAsync());
        await station.CallResultAsync("NotifyReport", new
        {
            requestId = 1,
            generatedAt = OcppTesting.Now(),
            seqNo = 0,
            reportData = new[]
            {
                new { component = new { name = "Connector", evse = new { id = 1, connectorId = 1 } }, variable = new { name = "ConnectorType" }, variableAttribute = new[] { new { value = "cCCS2" } } },
            },
        });
        await station.CallResultAsync("StatusNotification", new { timestamp = OcppTesting.Now(), connectorStatus = "Occupied", evseId = 1, connectorId = 1 });
        await station.CallResultAsync("StatusNotification", new { timestamp = OcppTesting.Now(), connectorStatus = "Available", evseId = 2, connectorId = 1 });

        var list = (await api.GetJsonAsync("/api/chargers")).GetProperty("data");

        var c16 = Assert.Single(list.EnumerateArray(), c => c.GetProperty("id").GetString() == id16);
        var c201 = Assert.Single(list.EnumerateArray(), c => c.GetProperty("id").GetString() == id201);
        foreach (var (charger, version) in new[] { (c16, "1.6"), (c201, "2.0.1") })
        {
            AssertChargerShape(charger);
            Assert.Equal(version, charger.GetProperty("ocppVersion").GetString());
            Assert.Equal("Accepted", charger.GetProperty("registration").GetString());
            Assert.True(charger.GetProperty("online").GetBoolean());
            var lastSeen = charger.GetProperty("lastSeen").GetString()!;
            Assert.EndsWith("Z", lastSeen, StringComparison.Ordinal);
            Assert.InRange(DateTimeOffset.Parse(lastSeen, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
            Assert.Contains(charger.GetProperty("reservations").GetString(), new[] { "charger", "hub", "none" });
        }

        Assert.Equal("ChargingHub", c16.GetProperty("vendor").GetString());
        Assert.Equal("Simulator", c16.GetProperty("model").GetString());
        Assert.Equal([1, 2], c16.GetProperty("connectors").EnumerateArray().Select(c => c.GetProperty("connectorId").GetInt32()).Order());
        Assert.All(c16.GetProperty("connectors").EnumerateArray(), c => Assert.Equal("Available", c.GetProperty("status").GetString()));
        Assert.All(c16.GetProperty("connectors").EnumerateArray(), c => Assert.False(c.TryGetProperty("reservationId", out _)));
        Assert.Equal("RawVendor", c201.GetProperty("vendor").GetString());
        var evse1 = Assert.Single(c201.GetProperty("connectors").EnumerateArray(), c => c.GetProperty("connectorId").GetInt32() == 1);
        Assert.Equal("Occupied", evse1.GetProperty("status").GetString());
        Assert.Equal("cCCS2", evse1.GetProperty("connectorType").GetString());
        var evse2 = Assert.Single(c201.GetProperty("connectors").EnumerateArray(), c => c.GetProperty("connectorId").GetInt32() == 2);
        Assert.Equal("Available", evse2.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_ConnectorWithActiveReservation_ShowsItsReservationIdUntilCancelled()
    {
        var api = Hub.CreateApiClient();
        var id = OcppTesting.NewChargerId("APIRES");
        await using var charger = await Hub.StartChargerAsync(id, OcppVersion.V16, connectors: 2);
        var reserved = await api.PostJsonAsync("/api/reservations", new
        {
            chargerId = id, connectorId = 2, expiryDate = DateTimeOffset.UtcNow.AddMinutes(30).ToString("O"), idTag = "API-TAG",
        });
        Assert.Equal(HttpStatusCode.OK, reserved.StatusCode);
        var reservationId = (await reserved.JsonAsync()).GetProperty("data").GetProperty("reservation").GetProperty("reservationId").GetInt32();

        var connectors = (await api.GetJsonAsync($"/api/chargers/{id}")).GetProperty("data").GetProperty("connectors");
        Assert.Equal(reservationId, Connector(connectors, 2).GetProperty("reservationId").GetInt32());
        Assert.False(Connector(connectors, 1).TryGetProperty("reservationId", out _));

        var canceled = await api.PostJsonAsync($"/api/reservations/{reservationId}/cancel", new { chargerId = id });
        Assert.Equal(HttpStatusCode.OK, canceled.StatusCode);
        var after = (await api.GetJsonAsync($"/api/chargers/{id}")).GetProperty("data").GetProperty("connectors");
        Assert.False(Connector(after, 2).TryGetProperty("reservationId", out _));
    }

    [Fact]
    public async Task Get_UnknownCharger_Is404Problem()
    {
        var response = await Hub.CreateApiClient().GetAsync(new Uri("/api/chargers/NOBODY-" + Guid.NewGuid().ToString("N")[..8], UriKind.Relative));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_NewCharger_IsApprovedOfflineWithEveryContractKey()
    {
        var api = Hub.CreateApiClient();
        var id = OcppTesting.NewChargerId("NEW");

        var response = await api.PostJsonAsync("/api/chargers", new { id });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = (await response.JsonAsync()).GetProperty("data");
        AssertChargerShape(created);
        Assert.Equal(id, created.GetProperty("id").GetString());
        Assert.Equal("Accepted", created.GetProperty("registration").GetString());
        Assert.False(created.GetProperty("online").GetBoolean());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("lastSeen").ValueKind);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("ocppVersion").ValueKind);
        Assert.Empty(created.GetProperty("connectors").EnumerateArray());
        var fetched = (await api.GetJsonAsync($"/api/chargers/{id}")).GetProperty("data");
        Assert.Equal(created.GetRawText(), fetched.GetRawText());
    }

    [Fact]
    public async Task Create_ExistingCharger_Is409Problem()
    {
        var api = Hub.CreateApiClient();
        var id = OcppTesting.NewChargerId();
        Assert.Equal(HttpStatusCode.OK, (await api.PostJsonAsync("/api/chargers", new { id })).StatusCode);

        var again = await api.PostJsonAsync("/api/chargers", new { id });

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"id\":\"\"}")]
    [InlineData("{\"id\":\"has spaces\"}")]
    [InlineData("{\"id\":\"0123456789012345678901234567890123456789012345678\"}")]
    [InlineData("{\"id\":\"SHORT-PASSWORD\",\"password\":\"tooshort\"}")]
    [InlineData("{\"id\":\"LONG-PASSWORD\",\"password\":\"01234567890123456789012345678901234567890\"}")]
    [InlineData("{\"id\": 5}")]
    [InlineData("not json")]
    public async Task Create_WithInvalidBody_Is400Problem(string body)
    {
        var response = await Hub.CreateApiClient().PostAsync(new Uri("/api/chargers", UriKind.Relative),
            new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Patch_UnknownCharger_Is404Problem()
    {
        var response = await Hub.CreateApiClient().PatchJsonAsync("/api/chargers/NOBODY-" + Guid.NewGuid().ToString("N")[..8], new { approved = true });

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"approved\":false}")]
    [InlineData("{\"approved\":\"yes\"}")]
    [InlineData("{\"password\":\"short\"}")]
    [InlineData("{\"password\":42}")]
    [InlineData("[]")]
    public async Task Patch_WithInvalidBody_Is400ProblemEvenForUnknownCharger(string body)
    {
        var api = Hub.CreateApiClient();
        var known = OcppTesting.NewChargerId();
        Assert.Equal(HttpStatusCode.OK, (await api.PostJsonAsync("/api/chargers", new { id = known })).StatusCode);

        foreach (var id in new[] { known, "NOBODY-" + Guid.NewGuid().ToString("N")[..8] })
        {
            var response = await api.PatchAsync(new Uri($"/api/chargers/{id}", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task Patch_PasswordSetAndRemoved_ShowsInTheCharger()
    {
        var api = Hub.CreateApiClient();
        var id = OcppTesting.NewChargerId();
        Assert.Equal(HttpStatusCode.OK, (await api.PostJsonAsync("/api/chargers", new { id })).StatusCode);

        var set = await api.PatchJsonAsync($"/api/chargers/{id}", new { password = "a-long-charger-password" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var withPassword = (await set.JsonAsync()).GetProperty("data");
        AssertChargerShape(withPassword);
        Assert.True(withPassword.GetProperty("passwordSet").GetBoolean());
        Assert.DoesNotContain("a-long-charger-password", withPassword.GetRawText(), StringComparison.Ordinal);

        var removed = await api.PatchJsonAsync($"/api/chargers/{id}", new { password = (string?)null });
        Assert.False((await removed.JsonAsync()).GetProperty("data").GetProperty("passwordSet").GetBoolean());
    }

    private static JsonElement Connector(JsonElement connectors, int connectorId) =>
        Assert.Single(connectors.EnumerateArray(), c => c.GetProperty("connectorId").GetInt32() == connectorId);

    private static void AssertChargerShape(JsonElement charger)
    {
        foreach (var key in ChargerKeys)
        {
            Assert.True(charger.TryGetProperty(key, out _), $"missing '{key}' in {charger.GetRawText()}");
        }

        Assert.Equal(JsonValueKind.String, charger.GetProperty("id").ValueKind);
        Assert.Contains(charger.GetProperty("registration").GetString(), new[] { "Accepted", "Pending" });
        Assert.Contains(charger.GetProperty("online").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.Contains(charger.GetProperty("reservations").GetString(), new[] { "charger", "hub", "none" });
        foreach (var connector in charger.GetProperty("connectors").EnumerateArray())
        {
            Assert.Equal(JsonValueKind.Number, connector.GetProperty("connectorId").ValueKind);
            Assert.Equal(JsonValueKind.String, connector.GetProperty("status").ValueKind);
        }
    }
}
