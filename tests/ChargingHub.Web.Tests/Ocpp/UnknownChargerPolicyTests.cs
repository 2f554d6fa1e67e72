using System.Net;
using ChargingHub.Ocpp;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Ocpp;

public sealed class AcceptUnknownChargersTests(AcceptingHubFixture fixture) : IClassFixture<AcceptingHubFixture>
{
    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Boot_UnknownChargerUnderAccept_IsAcceptedAndRegistered(OcppVersion version)
    {
        var id = OcppTesting.NewChargerId();
        await using var client = await fixture.Hub.ConnectClientAsync(id, version);

        Assert.Equal("Accepted", await client.BootAsync());
        var heartbeat = await client.CallResultAsync("Heartbeat", new { });
        Assert.True(heartbeat.TryGetProperty("currentTime", out _));

        var charger = (await fixture.Hub.CreateApiClient().GetJsonAsync($"/api/chargers/{id}")).GetProperty("data");
        Assert.Equal("Accepted", charger.GetProperty("registration").GetString());
        Assert.True(charger.GetProperty("online").GetBoolean());
        Assert.Equal("RawVendor", charger.GetProperty("vendor").GetString());
    }
}

public sealed class PendingUnknownChargersTests(PendingHubFixture fixture) : IClassFixture<PendingHubFixture>
{
    private HubTestHost Hub => fixture.Hub;

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Boot_UnknownChargerUnderPending_AnswersPendingAndListsItAsPending(OcppVersion version)
    {
        var id = OcppTesting.NewChargerId();
        await using var client = await Hub.ConnectClientAsync(id, version);

        Assert.Equal("Pending", await client.BootAsync());

        var list = await Hub.CreateApiClient().GetJsonAsync("/api/chargers");
        var charger = Assert.Single(list.GetProperty("data").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        Assert.Equal("Pending", charger.GetProperty("registration").GetString());
        Assert.True(charger.GetProperty("online").GetBoolean());
    }

    [Theory]
    [InlineData(OcppVersion.V16, "GenericError")]
    [InlineData(OcppVersion.V201, "SecurityError")]
    public async Task Calls_FromPendingCharger_AreRefusedAndChangeNothing(OcppVersion version, string expectedCode)
    {
        var id = OcppTesting.NewChargerId();
        await using var client = await Hub.ConnectClientAsync(id, version);
        Assert.Equal("Pending", await client.BootAsync());

        var status = version == OcppVersion.V16
            ? (object)new { connectorId = 1, errorCode = "NoError", status = "Faulted" }
            : new { timestamp = OcppTesting.Now(), connectorStatus = "Faulted", evseId = 1, connectorId = 1 };
        var authorize = version == OcppVersion.V16
            ? (object)new { idTag = "TAG" }
            : new { idToken = new { idToken = "TAG", type = "ISO14443" } };
        foreach (var (action, payload) in new[] { ("Heartbeat", (object)new { }), ("StatusNotification", status), ("Authorize", authorize) })
        {
            var reply = await client.CallAsync(action, payload);
            Assert.True(OcppTesting.ErrorCodeOf(reply) == expectedCode, $"{action}: {reply.GetRawText()}");
        }

        var charger = (await Hub.CreateApiClient().GetJsonAsync($"/api/chargers/{id}")).GetProperty("data");
        Assert.Equal("Pending", charger.GetProperty("registration").GetString());
        Assert.Empty(charger.GetProperty("connectors").EnumerateArray());
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Approve_ConnectedPendingCharger_TriggersABootThatIsAccepted(OcppVersion version)
    {
        var id = OcppTesting.NewChargerId();
        await using var client = await Hub.ConnectClientAsync(id, version);
        Assert.Equal("Pending", await client.BootAsync());

        var response = await Hub.CreateApiClient().PatchJsonAsync($"/api/chargers/{id}", new { approved = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Accepted", (await response.JsonAsync()).GetProperty("data").GetProperty("registration").GetString());

        var trigger = await client.WaitForHubCallAsync("TriggerMessage");
        Assert.Equal("BootNotification", trigger[3].GetProperty("requestedMessage").GetString());
        Assert.Equal("Accepted", await client.BootAsync());
        Assert.Equal(3, (await client.CallAsync("Heartbeat", new { }))[0].GetInt32());
    }
}

public sealed class RejectUnknownChargersTests(RejectingHubFixture fixture) : IClassFixture<RejectingHubFixture>
{
    private HubTestHost Hub => fixture.Hub;

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Connect_UnknownChargerUnderReject_IsRefusedWith404(OcppVersion version)
    {
        var id = OcppTesting.NewChargerId();

        var refused = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => Hub.ConnectRawAsync(id, [version.Subprotocol()]));

        Assert.Contains("404", refused.Message, StringComparison.Ordinal);
        var lookup = await Hub.CreateApiClient().GetAsync(new Uri($"/api/chargers/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task Connect_PreRegisteredChargerUnderReject_IsAccepted()
    {
        var id = OcppTesting.NewChargerId();
        var created = await Hub.CreateApiClient().PostJsonAsync("/api/chargers", new { id });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        await using var client = await Hub.ConnectClientAsync(id, OcppVersion.V16);

        Assert.Equal("Accepted", await client.BootAsync());
    }
}
