namespace ChargingHub.Web.Ui;

/// <summary>Outcomes a form endpoint redirects back with (<c>?notice=</c>), and their words.</summary>
public static class Notices
{
    public const string Canceled = "canceled";
    public const string CancelRejected = "cancel-rejected";
    public const string CancelOffline = "cancel-offline";
    public const string CancelTimeout = "cancel-timeout";
    public const string CancelGone = "cancel-gone";

    public static (string Text, bool Good)? Describe(string? code) => code switch
    {
        Canceled => ("Reservation cancelled.", true),
        CancelRejected => ("The charger no longer held that reservation; it is cancelled.", true),
        CancelOffline => ("The charger is offline, so the reservation could not be cancelled.", false),
        CancelTimeout => ("The charger did not answer, so the reservation could not be cancelled.", false),
        CancelGone => ("That reservation has already ended.", false),
        _ => null,
    };

    public static string Append(string url, string code) =>
        url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "notice=" + Uri.EscapeDataString(code);
}
