using System.Globalization;
using System.Security.Claims;
using ChargingHub.Infrastructure.Accounts;
using ChargingHub.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ChargingHub.Web.Ui;

/// <summary>
/// Cookie sessions for the web UI. The REST API keeps its own Bearer scheme (its policies name it), so /api never
/// answers with a login redirect; the UI's policies name the cookie scheme, so pages never answer with a Bearer challenge.
/// </summary>
public static class UiAuthentication
{
    public const string CookieScheme = "HubSession";

    /// <summary>Any signed-in member (admins included).</summary>
    public const string MemberPolicy = "ui-member";

    /// <summary>A signed-in admin.</summary>
    public const string AdminPolicy = "ui-admin";

    public const string LoginPath = "/login";

    public static IServiceCollection AddUiAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddCookie(CookieScheme, cookie =>
        {
            cookie.Cookie.Name = "ChargingHub.Session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = "/logout";
            cookie.AccessDeniedPath = "/forbidden";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(30);
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = ValidateSessionAsync;
            cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(MemberPolicy, p => p.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser())
            .AddPolicy(AdminPolicy, p => p.AddAuthenticationSchemes(CookieScheme).RequireRole(HubPolicies.AdminRole));
        return services;
    }

    /// <summary>A relative URL on this site, or null: keeps sign-in and form redirects from leading elsewhere.</summary>
    public static string? LocalUrlOrNull(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : null;

    /// <summary>
    /// Ends sessions of members who were removed or disabled, or whose password or role changed since they signed in;
    /// refreshes the display name. One indexed read per request, cheap for a household.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var claims = context.Principal;
        var members = context.HttpContext.RequestServices.GetRequiredService<MemberStore>();
        Member? member = null;
        if (long.TryParse(claims?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            member = await members.GetAsync(id, context.HttpContext.RequestAborted);
        }

        if (claims is null || member is null || member.Disabled
            || claims.FindFirstValue(HubUser.StampClaim) != HubUser.StampOf(member)
            || claims.IsInRole(HubPolicies.AdminRole) != (member.Role == MemberRole.Admin))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
            return;
        }

        if (claims.FindFirstValue(HubUser.DisplayNameClaim) != HubUser.NameOf(member))
        {
            context.ReplacePrincipal(HubUser.PrincipalFor(member));
            context.ShouldRenew = true;
        }
    }

    /// <summary>Pages get a redirect; background requests (live board, htmx) get a bare status they can act on.</summary>
    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        if (request.Headers.ContainsKey("HX-Request") || request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
