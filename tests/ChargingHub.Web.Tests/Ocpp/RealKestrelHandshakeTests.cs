using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using ChargingHub.Ocpp;
using ChargingHub.Web.Ocpp;

namespace ChargingHub.Web.Tests.Ocpp;

/// <summary>
/// The OCPP handshake against real Kestrel sockets: HTTP status codes as a charger sees them, the close without a
/// subprotocol, WebSocket compression (RFC 7692), negotiated when offered with frames still round-tripping, and
/// the plain upgrade answered below the HTTP layer (ADR-007) while everything else still reaches it.
/// </summary>
public sealed class RealKestrelHandshakeTests(RealHubFixture fixture) : IClassFixture<RealHubFixture>
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-password-0123456")]
    public async Task Connect_WithoutOrWithWrongPassword_SeesHttp401WithBasicChallenge(string? password)
    {
        var id = OcppTesting.NewChargerId("KPW");
        using var api = fixture.Hub.CreateApiClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.PostJsonAsync("/api/chargers", new { id, password = "the-right-password-123" })).StatusCode);
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("ocpp1.6");
        socket.Options.CollectHttpResponseDetails = true;
        if (password is not null)
        {
            socket.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{password}")));
        }

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri($"{fixture.Hub.OcppUrl}/{id}"), CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, socket.HttpStatusCode);
        Assert.True(socket.HttpResponseHeaders!.TryGetValue("WWW-Authenticate", out var challenge));
        Assert.Contains(challenge, v => v.StartsWith("Basic", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Connect_OfferingOnlyUnsupportedSubprotocol_Gets101WithoutSubprotocolThenClose1002()
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("ocpp1.5");
        socket.Options.CollectHttpResponseDetails = true;

        await socket.ConnectAsync(new Uri($"{fixture.Hub.OcppUrl}/{OcppTesting.NewChargerId("KNOSP")}"), CancellationToken.None);

        Assert.Equal(System.Net.HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
        Assert.Null(socket.SubProtocol);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await socket.ReceiveAsync(new byte[256], timeout.Token);
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(WebSocketCloseStatus.ProtocolError, result.CloseStatus);
    }

    [Fact]
    public async Task Upgrade_OfferingPermessageDeflate_AnswersWithTheExtension()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", fixture.Hub.Port);
        await using var stream = tcp.GetStream();
        var request = UpgradeRequest($"/ocpp/{OcppTesting.NewChargerId("ZIP")}", out var key, "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        var head = await ReadResponseHeadAsync(stream);

        var lines = head.Split("\r\n");
        Assert.StartsWith("HTTP/1.1 101", lines[0], StringComparison.Ordinal);
        var headers = lines.Skip(1).Where(l => l.Contains(':', StringComparison.Ordinal))
            .ToLookup(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(),
                StringComparer.OrdinalIgnoreCase);
        Assert.Contains(headers["Sec-WebSocket-Extensions"], v => v.StartsWith("permessage-deflate", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("ocpp1.6", Assert.Single(headers["Sec-WebSocket-Protocol"]));
        Assert.Equal(AcceptFor(key), Assert.Single(headers["Sec-WebSocket-Accept"]));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Connect_WithDeflateOptions_NegotiatesCompressionAndRoundTripsCalls(OcppVersion version)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(version.Subprotocol());
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        socket.Options.CollectHttpResponseDetails = true;
        await socket.ConnectAsync(new Uri($"{fixture.Hub.OcppUrl}/{OcppTesting.NewChargerId("ZIP")}"), CancellationToken.None);
        await using var client = new RawOcppClient(socket, version);

        Assert.Equal(version.Subprotocol(), socket.SubProtocol);
        Assert.True(socket.HttpResponseHeaders!.TryGetValue("Sec-WebSocket-Extensions", out var extensions), "no extension answered");
        Assert.Contains(extensions, v => v.StartsWith("permessage-deflate", StringComparison.OrdinalIgnoreCase));

        Assert.Equal("Accepted", await client.BootAsync());
        var heartbeat = await client.CallResultAsync("Heartbeat", new { });
        Assert.True(heartbeat.TryGetProperty("currentTime", out _));
        var large = await client.CallResultAsync("DataTransfer", new { vendorId = "org.example.zip", data = string.Concat(Enumerable.Repeat("compress me ", 4000)) });
        Assert.True(large.TryGetProperty("status", out _));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Connect_WithoutCompression_IsAnsweredBelowTheHttpLayerAndRoundTripsCalls(OcppVersion version)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(version.Subprotocol());
        socket.Options.CollectHttpResponseDetails = true;
        await socket.ConnectAsync(new Uri($"{fixture.Hub.OcppUrl}/{OcppTesting.NewChargerId("FAST")}"), CancellationToken.None);
        await using var client = new RawOcppClient(socket, version);

        // Kestrel's HTTP layer names itself in every response; the connection middleware's 101 does not.
        Assert.False(socket.HttpResponseHeaders!.ContainsKey("Server"), "answered by the HTTP layer");
        Assert.Equal(version.Subprotocol(), socket.SubProtocol);
        Assert.Equal("Accepted", await client.BootAsync());
        var heartbeat = await client.CallResultAsync("Heartbeat", new { });
        Assert.True(heartbeat.TryGetProperty("currentTime", out _));
    }

    [Fact]
    public async Task Upgrade_ArrivingInPieces_IsStillAnswered()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", fixture.Hub.Port);
        await using var stream = tcp.GetStream();
        var request = UpgradeRequest($"/ocpp/{OcppTesting.NewChargerId("SLOW")}", out var key);

        foreach (var piece in request.Chunk(7))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(piece));
            await Task.Delay(20);
        }

        var head = await ReadResponseHeadAsync(stream);
        Assert.StartsWith("HTTP/1.1 101", head, StringComparison.Ordinal);
        Assert.Contains("Sec-WebSocket-Accept: " + AcceptFor(key), head, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad%20id", false, "400")] // an escaped id: HTTP decodes it and refuses it
    [InlineData("BIG", true, "101")] // a head over the middleware's limit
    public async Task Upgrade_TheMiddlewareDoesNotTake_IsAnsweredByTheHttpLayer(string chargerId, bool pad, string status)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", fixture.Hub.Port);
        await using var stream = tcp.GetStream();
        var padding = pad ? $"X-Padding: {new string('a', OcppHandshakeMiddleware.MaxHeadBytes)}\r\n" : "";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(UpgradeRequest($"/ocpp/{chargerId}", out _, padding)));

        var head = await ReadResponseHeadAsync(stream);

        Assert.StartsWith($"HTTP/1.1 {status}", head, StringComparison.Ordinal);
        Assert.Contains("Server: Kestrel", head, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttpRequest_OnANewConnection_IsServedAsBefore()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", fixture.Hub.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{fixture.Hub.Port}\r\n\r\n"));

        Assert.StartsWith("HTTP/1.1 200", await ReadResponseHeadAsync(stream), StringComparison.Ordinal);
    }

    private string UpgradeRequest(string target, out string key, string extraHeaders = "")
    {
        key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        return $"GET {target} HTTP/1.1\r\n" +
            $"Host: 127.0.0.1:{fixture.Hub.Port}\r\n" +
            "Upgrade: websocket\r\n" +
            "Connection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {key}\r\n" +
            "Sec-WebSocket-Version: 13\r\n" +
            "Sec-WebSocket-Protocol: ocpp1.6\r\n" +
            extraHeaders +
            "\r\n";
    }

    private static string AcceptFor(string key) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));

    private static async Task<string> ReadResponseHeadAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[1];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (received.Count < 16 * 1024)
        {
            if (await stream.ReadAsync(buffer, timeout.Token) == 0)
            {
                break;
            }

            received.Add(buffer[0]);
            if (received.Count >= 4 && received[^4] == '\r' && received[^3] == '\n' && received[^2] == '\r' && received[^1] == '\n')
            {
                break;
            }
        }

        return Encoding.ASCII.GetString([.. received]);
    }
}
