using System.Text.RegularExpressions;

namespace ChargingHub.Domain.Chargers;

/// <summary>
/// Which charger identities the hub accepts: 1 to 48 characters (2.0.1 identity is CiString48) that are safe in
/// a URL path, an MQTT topic level and a file name. Dots alone are not an id: "." and ".." are path segments that
/// HTTP removes, so such a charger could never be addressed.
/// </summary>
public static partial class ChargerIds
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public const string Rule = "1 to 48 letters, digits or any of - _ . : *, not dots alone";

    [GeneratedRegex(@"^(?!\.+$)[A-Za-z0-9\-_.:*]{1,48}$")]
    private static partial Regex Pattern();
}
