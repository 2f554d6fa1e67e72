using System.Text;
using ChargingHub.Domain.Chargers;
using ChargingHub.Ocpp;

namespace ChargingHub.Web.Ocpp;

/// <summary>
/// A plain OCPP WebSocket upgrade, read from the raw request head by <see cref="OcppHandshakeMiddleware"/>:
/// <c>GET /ocpp/{id} HTTP/1.1</c> with a valid WebSocket key, version 13, a subprotocol the hub speaks and no
/// compression offer. Anything else is not parsed here at all: it goes to Kestrel's HTTP layer, which answers
/// every other case (errors, compression, other paths) as before.
/// </summary>
/// <param name="ChargePointId">The charger id from the path (valid by <see cref="ChargerIds"/>).</param>
/// <param name="Subprotocol">The first offered subprotocol the hub speaks.</param>
/// <param name="Version">The OCPP version of <paramref name="Subprotocol"/>.</param>
/// <param name="WebSocketKey">The client's <c>Sec-WebSocket-Key</c>.</param>
/// <param name="Authorization">The <c>Authorization</c> header, if any.</param>
internal sealed record OcppUpgradeRequest(string ChargePointId, string Subprotocol, OcppVersion Version, string WebSocketKey, string? Authorization)
{
    private const string Prefix = "GET /ocpp/";

    /// <summary>
    /// Whether <paramref name="start"/> (the first bytes of a connection) can still begin an OCPP upgrade: while it
    /// can, the middleware waits for the rest of the head; once it cannot, the connection is HTTP's at once.
    /// </summary>
    public static bool MayStartWith(ReadOnlySpan<byte> start)
    {
        var length = Math.Min(start.Length, Prefix.Length);
        return Encoding.ASCII.GetString(start[..length]) == Prefix[..length];
    }

    /// <summary>Reads a complete request head (up to and including the blank line); false for anything not plain.</summary>
    public static bool TryParse(ReadOnlySpan<byte> head, out OcppUpgradeRequest? request)
    {
        request = null;
        foreach (var b in head)
        {
            // Only printable ASCII, tabs and line ends: anything else is for the full HTTP parser to judge.
            if (b is > 0x7E || (b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n'))
            {
                return false;
            }
        }

        var lines = Encoding.ASCII.GetString(head).Split("\r\n");
        if (lines.Any(line => line.Contains('\r', StringComparison.Ordinal) || line.Contains('\n', StringComparison.Ordinal)))
        {
            return false; // a bare CR or LF: parsers disagree on those, so only the full HTTP parser may judge
        }

        var requestLine = lines[0].Split(' ');
        if (requestLine is not ["GET", var target, "HTTP/1.1"] || !TryChargerId(target, out var chargePointId))
        {
            return false;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.AsSpan(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !IsToken(line.AsSpan(0, colon)) || !headers.TryAdd(line[..colon], line[(colon + 1)..].Trim(' ', '\t')))
            {
                return false; // malformed, folded or repeated: HTTP's to answer
            }
        }

        string? chosen = null;
        var version = default(OcppVersion);
        var plain = headers.TryGetValue("Host", out var host) && IsHost(host)
            && HasToken(headers, "Upgrade", "websocket")
            && HasToken(headers, "Connection", "upgrade")
            && headers.GetValueOrDefault("Sec-WebSocket-Version") == "13"
            && headers.TryGetValue("Sec-WebSocket-Key", out var key) && IsWebSocketKey(key)
            && headers.TryGetValue("Sec-WebSocket-Protocol", out var offered)
            && (chosen = offered.Split(',', StringSplitOptions.TrimEntries).FirstOrDefault(p => OcppVersions.TryFromSubprotocol(p, out _))) is not null
            && OcppVersions.TryFromSubprotocol(chosen, out version)
            && !headers.ContainsKey("Sec-WebSocket-Extensions")
            && !headers.ContainsKey("Content-Length")
            && !headers.ContainsKey("Transfer-Encoding");
        if (!plain)
        {
            return false;
        }

        request = new OcppUpgradeRequest(chargePointId, chosen!, version, headers["Sec-WebSocket-Key"], headers.GetValueOrDefault("Authorization"));
        return true;
    }

    /// <summary><c>/ocpp/{id}</c> or <c>/ocpp/{id}/</c> with a valid id as it stands (no escapes, no query).</summary>
    private static bool TryChargerId(string target, out string chargePointId)
    {
        chargePointId = target.StartsWith("/ocpp/", StringComparison.Ordinal) ? target["/ocpp/".Length..] : "";
        if (chargePointId.EndsWith('/'))
        {
            chargePointId = chargePointId[..^1];
        }

        return ChargerIds.IsValid(chargePointId);
    }

    private static bool HasToken(Dictionary<string, string> headers, string name, string token) =>
        headers.TryGetValue(name, out var value)
        && value.Split(',', StringSplitOptions.TrimEntries).Contains(token, StringComparer.OrdinalIgnoreCase);

    /// <summary>A host name or address with an optional port; anything else is for HTTP's own checks.</summary>
    private static bool IsHost(string host) =>
        host.Length > 0 && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']');

    private static bool IsWebSocketKey(string key)
    {
        Span<byte> decoded = stackalloc byte[18];
        return Convert.TryFromBase64String(key, decoded, out var length) && length == 16;
    }

    private static bool IsToken(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c)))
            {
                return false;
            }
        }

        return true;
    }
}
