namespace ChargingHub.Domain.Tokens;

/// <summary>An RFID card or app token the hub knows. <see cref="ParentIdTag"/> groups tokens (1.6 parentIdTag, 2.0.1 groupIdToken).</summary>
public sealed record IdToken
{
    public required string IdTag { get; init; }

    public string? ParentIdTag { get; init; }

    /// <summary>Who carries it, shown instead of the raw tag where one is set.</summary>
    public string? Name { get; init; }

    public bool Blocked { get; init; }

    /// <summary>The household member owning it, if any.</summary>
    public long? MemberId { get; init; }
}
