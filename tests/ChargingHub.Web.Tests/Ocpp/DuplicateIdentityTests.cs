using System.Net;
using System.Net.WebSockets;
using ChargingHub.Ocpp;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Ocpp;

public sealed class DuplicateIdentityTests(AcceptingHubFixture fixture) : IClassFixture<AcceptingHubFixture>
{
    private const string Password = "duplicate-test-password";

    private HubTestHost Hub => fixture.Hub;

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Connect_SecondAuthenticatedConnection_ReplacesAndClosesTheFirst(OcppVersion version)
    {
        var id = OcppTesting.NewChargerId();
        Assert.Equal(HttpStatusCode.OK, (await Hub.CreateApiClient().PostJsonAsync("/api/chargers", new { id, password = Password })).StatusCode);
        await using var first = await Hub.ConnectClientAsync(id, version, Password);
        Assert.Equal("Accepted", await first.BootAsync());

        await using var second = await Hub.ConnectClientAsync(id, version, Password);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await first.WaitForCloseAsync());
        Assert.Equal("Accepted", await second.BootAsync());
        Assert.Equal(3, (await second.CallAsync("Heartbeat", new { }))[0].GetInt32());
        var charger = (await Hub.CreateApiClient().GetJsonAsync($"/api/chargers/{id}")).GetProperty("data");
        Assert.True(charger.GetProperty("online").GetBoolean());
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Connect_SecondConnectionWithoutPassword_IsRefusedWith409WhileTheFirstIsOpen(OcppVersion version)
    {
        var id = OcppTesting.NewChargerId();
        var first = await Hub.ConnectClientAsync(id, version);
        Assert.Equal("Accepted", await first.BootAsync());

        var refused = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => Hub.ConnectRawAsync(id, [version.Subprotocol()]));

        Assert.Contains("409", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await first.CallAsync("Heartbeat", new { }))[0].GetInt32());

        // Once the first connection is gone, the charger gets in again.
        await first.DisposeAsync();
        await using var again = await ConnectWhenFreeAsync(id, version);
        Assert.Equal("Accepted", await again.BootAsync());
    }

    private async Task<RawOcppClient> ConnectWhenFreeAsync(string id, OcppVersion version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                return await Hub.ConnectClientAsync(id, version);
            }
            catch (InvalidOperationException ex) when (ex.Message.Contains("409", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}
