using System.Text;
using ChargingHub.Ocpp;
using ChargingHub.Web.Ocpp;

namespace ChargingHub.Web.Tests.Ocpp;

/// <summary>Which upgrade requests the hub answers below the HTTP layer; everything else is left to Kestrel's HTTP parser.</summary>
public sealed class OcppUpgradeRequestTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";

    [Fact]
    public void Plain_upgrade_is_read_with_its_charger_subprotocol_key_and_credentials()
    {
        var parsed = Parse(Head(extra: "Authorization: Basic Q1AtMTpzZWNyZXQ=\r\n"));

        Assert.NotNull(parsed);
        Assert.Equal("CP-1", parsed.ChargePointId);
        Assert.Equal("ocpp1.6", parsed.Subprotocol);
        Assert.Equal(OcppVersion.V16, parsed.Version);
        Assert.Equal(Key, parsed.WebSocketKey);
        Assert.Equal("Basic Q1AtMTpzZWNyZXQ=", parsed.Authorization);
    }

    [Fact]
    public void First_offered_subprotocol_the_hub_speaks_is_chosen()
    {
        var parsed = Parse(Head(protocols: "ocpp2.0, ocpp2.0.1, ocpp1.6"));

        Assert.Equal("ocpp2.0.1", parsed?.Subprotocol);
        Assert.Equal(OcppVersion.V201, parsed?.Version);
    }

    [Fact]
    public void Trailing_slash_after_the_charger_id_is_allowed()
    {
        Assert.Equal("CP-1", Parse(Head(target: "/ocpp/CP-1/"))?.ChargePointId);
    }

    [Theory]
    [InlineData("POST /ocpp/CP-1 HTTP/1.1")]
    [InlineData("GET /ocpp/CP-1 HTTP/1.0")]
    [InlineData("GET /ocpp/CP%2D1 HTTP/1.1")]
    [InlineData("GET /ocpp/CP-1?x=1 HTTP/1.1")]
    [InlineData("GET /ocpp/CP-1/more HTTP/1.1")]
    [InlineData("GET /ocpp/ HTTP/1.1")]
    [InlineData("GET /api/chargers HTTP/1.1")]
    [InlineData("GET  /ocpp/CP-1 HTTP/1.1")]
    [InlineData("GET /ocpp/.. HTTP/1.1")]
    [InlineData("GET /ocpp/. HTTP/1.1")]
    public void Other_request_lines_are_left_to_HTTP(string requestLine)
    {
        Assert.Null(Parse(Head().Replace("GET /ocpp/CP-1 HTTP/1.1", requestLine, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Sec-WebSocket-Extensions: permessage-deflate\r\n")]
    [InlineData("Content-Length: 0\r\n")]
    [InlineData("Transfer-Encoding: chunked\r\n")]
    [InlineData("Upgrade: websocket\r\n")]
    [InlineData(" folded: value\r\n")]
    [InlineData("Bad Name: value\r\n")]
    [InlineData("X-Note: a\nTransfer-Encoding: chunked\r\n")]
    [InlineData("X-Note: a\rb\r\n")]
    public void Compression_bodies_and_irregular_headers_are_left_to_HTTP(string extra)
    {
        Assert.Null(Parse(Head(extra: extra)));
    }

    [Theory]
    [InlineData("Sec-WebSocket-Version: 13\r\n", "Sec-WebSocket-Version: 8\r\n")]
    [InlineData("Sec-WebSocket-Key: " + Key + "\r\n", "Sec-WebSocket-Key: short\r\n")]
    [InlineData("Upgrade: websocket\r\n", "Upgrade: h2c\r\n")]
    [InlineData("Connection: Upgrade\r\n", "Connection: keep-alive\r\n")]
    [InlineData("Host: hub\r\n", "")]
    [InlineData("Host: hub\r\n", "Host: hub/evil\r\n")]
    [InlineData("Sec-WebSocket-Protocol: ocpp1.6\r\n", "")]
    [InlineData("Sec-WebSocket-Protocol: ocpp1.6\r\n", "Sec-WebSocket-Protocol: ocpp1.5\r\n")]
    public void Incomplete_or_unsupported_upgrades_are_left_to_HTTP(string header, string replacement)
    {
        Assert.Null(Parse(Head().Replace(header, replacement, StringComparison.Ordinal)));
    }

    [Fact]
    public void Non_ascii_bytes_are_left_to_HTTP()
    {
        var head = Encoding.UTF8.GetBytes(Head(extra: "User-Agent: wallbox-é\r\n"));

        Assert.False(OcppUpgradeRequest.TryParse(head, out _));
    }

    [Theory]
    [InlineData("G", true)]
    [InlineData("GET /oc", true)]
    [InlineData("GET /ocpp/CP", true)]
    [InlineData("GET /api", false)]
    [InlineData("PRI * HTTP/2.0", false)]
    [InlineData("\u0016\u0003\u0001", false)]
    public void Connection_start_decides_early_whether_to_wait_for_the_head(string start, bool mayBeUpgrade)
    {
        Assert.Equal(mayBeUpgrade, OcppUpgradeRequest.MayStartWith(Encoding.ASCII.GetBytes(start)));
    }

    private static OcppUpgradeRequest? Parse(string head) =>
        OcppUpgradeRequest.TryParse(Encoding.ASCII.GetBytes(head), out var request) ? request : null;

    private static string Head(string target = "/ocpp/CP-1", string protocols = "ocpp1.6", string extra = "") =>
        $"GET {target} HTTP/1.1\r\n" +
        "Host: hub\r\n" +
        "Upgrade: websocket\r\n" +
        "Connection: Upgrade\r\n" +
        $"Sec-WebSocket-Key: {Key}\r\n" +
        "Sec-WebSocket-Version: 13\r\n" +
        $"Sec-WebSocket-Protocol: {protocols}\r\n" +
        extra +
        "\r\n";
}
