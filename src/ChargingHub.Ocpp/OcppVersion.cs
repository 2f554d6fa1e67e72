namespace ChargingHub.Ocpp;

/// <summary>The OCPP-J protocol versions the hub speaks.</summary>
public enum OcppVersion
{
    /// <summary>OCPP 1.6 JSON (subprotocol <c>ocpp1.6</c>).</summary>
    V16,

    /// <summary>OCPP 2.0.1 (subprotocol <c>ocpp2.0.1</c>).</summary>
    V201,
}

/// <summary>Maps protocol versions to and from WebSocket subprotocol names.</summary>
public static class OcppVersions
{
    /// <summary>The subprotocols in the hub's order of preference when a client offers several.</summary>
    public static IReadOnlyList<string> Subprotocols { get; } = ["ocpp2.0.1", "ocpp1.6"];

    /// <summary>The WebSocket subprotocol name of a version.</summary>
    public static string Subprotocol(this OcppVersion version) => version switch
    {
        OcppVersion.V16 => "ocpp1.6",
        OcppVersion.V201 => "ocpp2.0.1",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    };

    /// <summary>The version a subprotocol name stands for, if the hub supports it.</summary>
    public static bool TryFromSubprotocol(string? subprotocol, out OcppVersion version)
    {
        switch (subprotocol)
        {
            case "ocpp1.6":
                version = OcppVersion.V16;
                return true;
            case "ocpp2.0.1":
                version = OcppVersion.V201;
                return true;
            default:
                version = default;
                return false;
        }
    }

    /// <summary>The display form used in the API ("1.6" / "2.0.1").</summary>
    public static string DisplayName(this OcppVersion version) => version == OcppVersion.V16 ? "1.6" : "2.0.1";
}
