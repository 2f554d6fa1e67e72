using ChargingHub.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace ChargingHub.Web.Security;

/// <summary>Household members' passwords, hashed with ASP.NET Core Identity's PBKDF2 hasher.</summary>
public sealed class MemberPasswords
{
    public const int MinimumLength = 8;

    private readonly PasswordHasher<Member> _hasher = new();

    public string Hash(Member member, string password) => _hasher.HashPassword(member, password);

    public bool Verify(Member member, string password) =>
        _hasher.VerifyHashedPassword(member, member.PasswordHash, password) != PasswordVerificationResult.Failed;
}
