using System.Net;
using ChargingHub.Infrastructure.Accounts;
using ChargingHub.Web.Security;

namespace ChargingHub.Web.Ui;

public enum SignInOutcome
{
    Success,
    WrongPassword,
    LockedOut,
    Disabled,
}

/// <summary>Checks a sign-in attempt against the members and the failure throttle.</summary>
public sealed class SignInCheck(MemberStore members, MemberPasswords passwords, LoginThrottle throttle)
{
    // Checked when the user name is unknown, so that the answer takes as long as for a real member.
    private readonly Lazy<Member> _nobody = new(() =>
    {
        var nobody = new Member { UserName = "", PasswordHash = "" };
        return nobody with { PasswordHash = passwords.Hash(nobody, SecretHasher.NewSecret()) };
    });

    public async Task<(SignInOutcome Outcome, Member? Member)> CheckAsync(string userName, string password, IPAddress? client, CancellationToken ct)
    {
        userName = userName.Trim();
        if (throttle.IsLockedOut(userName, client))
        {
            return (SignInOutcome.LockedOut, null);
        }

        var member = userName.Length == 0 ? null : await members.GetByUserNameAsync(userName, ct);
        if (!passwords.Verify(member ?? _nobody.Value, password) || member is null)
        {
            return (throttle.RecordFailure(userName, client) ? SignInOutcome.LockedOut : SignInOutcome.WrongPassword, null);
        }

        return member.Disabled ? (SignInOutcome.Disabled, null) : (SignInOutcome.Success, member);
    }
}
