namespace ChargingHub.Infrastructure.Accounts;

public enum MemberRole
{
    Admin,
    Member,
}

/// <summary>A person who signs in to the web UI. <see cref="PasswordHash"/> is whatever the caller's hasher produced.</summary>
public sealed record Member
{
    /// <summary>0 until added.</summary>
    public long Id { get; init; }

    public required string UserName { get; init; }

    public string? DisplayName { get; init; }

    public required string PasswordHash { get; init; }

    public MemberRole Role { get; init; } = MemberRole.Member;

    public bool Disabled { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
