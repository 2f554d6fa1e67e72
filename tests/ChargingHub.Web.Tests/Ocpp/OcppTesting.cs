using System.Globalization;
using ChargingHub.Ocpp;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Ocpp;

/// <summary>Small helpers shared by the OCPP and API tests.</summary>
public static class OcppTesting
{
    /// <summary>A charger id no other test uses (valid: letters, digits and '-').</summary>
    public static string NewChargerId(string prefix = "CP") => $"{prefix}-{Guid.NewGuid().ToString("N")[..12]}";

    /// <summary>Opens a raw OCPP connection of <paramref name="version"/> through the in-memory server.</summary>
    public static async Task<RawOcppClient> ConnectClientAsync(this HubTestHost hub, string chargerId, OcppVersion version, string? password = null) =>
        new(await hub.ConnectRawAsync(chargerId, [version.Subprotocol()], password), version);

    /// <summary>An RFC 3339 UTC instant as chargers write it.</summary>
    public static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The CALLERROR code of an answer frame, or null when it is a CALLRESULT.</summary>
    public static string? ErrorCodeOf(System.Text.Json.JsonElement reply) => reply[0].GetInt32() == 4 ? reply[2].GetString() : null;
}
