namespace ChargingHub.Domain.Reservations;

/// <summary>The OCPP 2.0.1 ConnectorEnumType values a connector-type reservation may name.</summary>
public static class ConnectorTypes
{
    public static IReadOnlyList<string> All { get; } =
    [
        "cCCS1", "cCCS2", "cG105", "cTesla", "cType1", "cType2", "s309-1P-16A", "s309-1P-32A", "s309-3P-16A",
        "s309-3P-32A", "sBS1361", "sCEE-7-7", "sType2", "sType3", "Other1PhMax16A", "Other1PhOver16A", "Other3Ph",
        "Pan", "wInductive", "wResonant", "Undetermined", "Unknown",
    ];

    public static bool IsKnown(string value) => All.Contains(value, StringComparer.Ordinal);
}
