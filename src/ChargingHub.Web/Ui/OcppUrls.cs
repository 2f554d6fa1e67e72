namespace ChargingHub.Web.Ui;

/// <summary>The address a charger is configured with, as seen from the browser that asks (the hub's own host name).</summary>
public static class OcppUrls
{
    public static string Base(HttpRequest request) =>
        $"{(request.IsHttps ? "wss" : "ws")}://{request.Host}{request.PathBase}/ocpp/";

    public static string For(HttpRequest request, string chargerId) => Base(request) + Uri.EscapeDataString(chargerId);
}
