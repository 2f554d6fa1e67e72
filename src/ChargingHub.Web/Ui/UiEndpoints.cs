using System.Globalization;
using ChargingHub.Domain;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace ChargingHub.Web.Ui;

/// <summary>The UI's endpoints that are not pages: the live board stream, Cancel, and Sign out (plain form posts).</summary>
public static partial class UiEndpoints
{
    public const string CancelPath = "/reservations/cancel";

    public static WebApplication MapUiEndpoints(this WebApplication app)
    {
        app.MapGet("/board/events", BoardStream.StreamAsync)
            .RequireAuthorization(UiAuthentication.MemberPolicy).ExcludeFromDescription();
        app.MapPost(CancelPath, CancelAsync)
            .RequireAuthorization(UiAuthentication.MemberPolicy).ExcludeFromDescription();
        app.MapPost("/logout", SignOutAsync)
            .RequireAuthorization(UiAuthentication.MemberPolicy).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Cancels a reservation: the member's own (a token of theirs holds it), or any for an admin. Anything else is
    /// refused with 403, whatever the form says, so a hand-made POST gets no further than the missing button.
    /// </summary>
    internal static async Task<IResult> CancelAsync(HttpContext context, IAntiforgery antiforgery, IReservationStore reservations,
        ReservationService service, PeopleDirectory people, ILoggerFactory loggers)
    {
        var ct = context.RequestAborted;
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Text("The form has expired. Go back, reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(ct);
        var user = HubUser.From(context.User)!;
        var chargerId = form["chargerId"].ToString();
        if (chargerId.Length == 0 || !int.TryParse(form["reservationId"], NumberStyles.None, CultureInfo.InvariantCulture, out var reservationId))
        {
            return Results.Text("Say which reservation to cancel.", statusCode: StatusCodes.Status400BadRequest);
        }

        var returnUrl = UiAuthentication.LocalUrlOrNull(form["returnUrl"]) ?? "/";
        var reservation = await reservations.FindLatestAsync(chargerId, reservationId, ct);
        if (reservation is null)
        {
            return Results.Redirect(Notices.Append(returnUrl, Notices.CancelGone));
        }

        if (!user.IsAdmin && !(await people.LoadAsync(ct)).Owns(user, reservation.Terms.IdTag))
        {
            LogRefused(loggers.CreateLogger(typeof(UiEndpoints)), user.UserName, chargerId, reservationId);
            return Results.Text("You can only cancel your own reservations.", statusCode: StatusCodes.Status403Forbidden);
        }

        string notice;
        try
        {
            var result = await service.CancelAsync(chargerId, reservationId, ct);
            notice = result.Status == ChargerCancelStatus.Accepted ? Notices.Canceled : Notices.CancelRejected;
        }
        catch (HubException ex)
        {
            notice = ex.Kind switch
            {
                HubErrorKind.ChargerOffline => Notices.CancelOffline,
                HubErrorKind.ChargerTimeout => Notices.CancelTimeout,
                _ => Notices.CancelGone,
            };
        }

        return Results.Redirect(Notices.Append(returnUrl, notice));
    }

    internal static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.Text("The form has expired. Go back, reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        }

        await context.SignOutAsync(UiAuthentication.CookieScheme);
        return Results.Redirect(UiAuthentication.LoginPath);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{UserName} tried to cancel reservation {ReservationId} on {ChargerId}, which is not theirs")]
    private static partial void LogRefused(ILogger logger, string userName, string chargerId, int reservationId);
}
