namespace ChargingHub.Domain.Chargers;

/// <summary>The OCPP version a charger speaks. The domain needs it for per-protocol rules (idTag length, connector types).</summary>
public enum ChargerProtocol
{
    Ocpp16,
    Ocpp201,
}

public static class ChargerProtocolRules
{
    /// <summary>Longest idTag the protocol carries: 1.6 IdToken is CiString20, 2.0.1 idToken is string(36).</summary>
    public static int MaxIdTagLength(this ChargerProtocol protocol) => protocol == ChargerProtocol.Ocpp16 ? 20 : 36;

    public static string DisplayName(this ChargerProtocol protocol) => protocol == ChargerProtocol.Ocpp16 ? "1.6" : "2.0.1";
}
