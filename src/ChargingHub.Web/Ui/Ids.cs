using System.Globalization;
using System.Text;

namespace ChargingHub.Web.Ui;

/// <summary>Element ids derived from charger ids (which may hold characters such as ':' or '*').</summary>
public static class Ids
{
    public static string Tile(string chargerId) => "charger-" + Safe(chargerId);

    public static string Title(string chargerId) => "charger-title-" + Safe(chargerId);

    public static string Connector(string chargerId, int connectorId) =>
        $"connector-{Safe(chargerId)}-{connectorId.ToString(CultureInfo.InvariantCulture)}";

    private static string Safe(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('.').Append(((int)c).ToString("x", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
