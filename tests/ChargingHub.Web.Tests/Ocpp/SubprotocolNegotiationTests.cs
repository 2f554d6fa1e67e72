using System.Net;
using System.Net.WebSockets;
using ChargingHub.Ocpp;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Ocpp;

public sealed class SubprotocolNegotiationTests(AcceptingHubFixture fixture) : IClassFixture<AcceptingHubFixture>
{
    private HubTestHost Hub => fixture.Hub;

    [Theory]
    [InlineData(new[] { "ocpp2.0.1", "ocpp1.6" }, OcppVersion.V201)]
    [InlineData(new[] { "ocpp1.6", "ocpp2.0.1" }, OcppVersion.V16)]
    [InlineData(new[] { "foo", "ocpp1.6" }, OcppVersion.V16)]
    [InlineData(new[] { "ocpp1.5", "ocpp2.0.1", "ocpp1.6" }, OcppVersion.V201)]
    public async Task Connect_OfferingSeveralSubprotocols_TakesTheFirstSupported(string[] offered, OcppVersion expected)
    {
        var id = OcppTesting.NewChargerId();
        var socket = await Hub.ConnectRawAsync(id, offered);
        await using var client = new RawOcppClient(socket, expected);

        Assert.Equal(expected.Subprotocol(), socket.SubProtocol);
        Assert.Equal("Accepted", await client.BootAsync()); // the version-specific boot payload is understood
        var charger = await Hub.CreateApiClient().GetJsonAsync($"/api/chargers/{id}");
        Assert.Equal(expected.DisplayName(), charger.GetProperty("data").GetProperty("ocppVersion").GetString());
    }

    [Theory]
    [InlineData("foo")]
    [InlineData("ocpp1.5,ocpp2.1,OCPP1.6")]
    [InlineData("")]
    public async Task Connect_OfferingNoSupportedSubprotocol_CompletesHandshakeThenClosesWithProtocolError(string offered)
    {
        var id = OcppTesting.NewChargerId();
        var socket = await Hub.ConnectRawAsync(id, offered.Split(',', StringSplitOptions.RemoveEmptyEntries));
        await using var client = new RawOcppClient(socket, OcppVersion.V16);

        Assert.Null(socket.SubProtocol);
        Assert.Equal(WebSocketCloseStatus.ProtocolError, await client.WaitForCloseAsync(TimeSpan.FromSeconds(5)));
        Assert.Empty(client.Frames);

        // A connection that never spoke OCPP does not make the id a known charger.
        var response = await Hub.CreateApiClient().GetAsync(new Uri($"/api/chargers/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class OcppPathTests(AcceptingHubFixture fixture) : IClassFixture<AcceptingHubFixture>
{
    [Theory]
    [InlineData("/ocpp")]
    [InlineData("/ocpp/")]
    [InlineData("/ocpp/CP-1/extra")]
    public async Task Get_PathWithoutExactlyOneChargerId_Is404(string path)
    {
        using var client = fixture.Hub.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/ocpp/CP-1")]
    [InlineData("/ocpp/CP-1/")]
    public async Task Get_ChargerPathWithoutWebSocket_Is400SayingHowToConnect(string path)
    {
        using var client = fixture.Hub.CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("connect with a WebSocket", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
