using System.Globalization;
using System.Security.Claims;
using ChargingHub.Infrastructure.Accounts;
using ChargingHub.Web.Security;

namespace ChargingHub.Web.Ui;

/// <summary>The signed-in household member, as the pages see them (read from the session cookie's claims).</summary>
public sealed record HubUser(long MemberId, string UserName, string DisplayName, bool IsAdmin)
{
    public const string DisplayNameClaim = "hub:display_name";

    /// <summary>Changes when the member's password changes, so sessions signed in with the old password end.</summary>
    public const string StampClaim = "hub:stamp";

    public static HubUser? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true, AuthenticationType: UiAuthentication.CookieScheme }
            || !long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var userName = principal.FindFirstValue(ClaimTypes.Name) ?? "";
        return new HubUser(id, userName, principal.FindFirstValue(DisplayNameClaim) ?? userName, principal.IsInRole(HubPolicies.AdminRole));
    }

    public static ClaimsPrincipal PrincipalFor(Member member)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, member.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, member.UserName),
            new Claim(DisplayNameClaim, NameOf(member)),
            new Claim(ClaimTypes.Role, member.Role == MemberRole.Admin ? HubPolicies.AdminRole : HubPolicies.MemberRole),
            new Claim(StampClaim, StampOf(member)),
        ], UiAuthentication.CookieScheme);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>How a member is called on the pages: their display name, else their user name.</summary>
    public static string NameOf(Member member) => string.IsNullOrWhiteSpace(member.DisplayName) ? member.UserName : member.DisplayName;

    public static string StampOf(Member member) => SecretHasher.HashToken(member.PasswordHash)[..16];
}
