namespace ChargingHub.Infrastructure.Accounts;

/// <summary>
/// A bearer key for the REST API. Only its hash is stored; <see cref="Prefix"/> (the first characters of the
/// key, shown in lists) narrows the lookup when a request presents a key.
/// </summary>
public sealed record ApiKey
{
    /// <summary>0 until added.</summary>
    public long Id { get; init; }

    public required string Name { get; init; }

    public required string KeyHash { get; init; }

    public required string Prefix { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>The member the key acts for; null for an admin key of the hub itself.</summary>
    public long? MemberId { get; init; }

    public bool IsRevoked => RevokedAt is not null;
}
