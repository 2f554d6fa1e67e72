namespace ChargingHub.Domain.Reservations;

/// <summary>
/// What a reservation holds and for whom. <see cref="ConnectorId"/> 0 means any connector of the
/// charger; <see cref="ConnectorType"/> (2.0.1 only) narrows "any" to connectors of that type.
/// </summary>
public sealed record ReservationTerms
{
    public int ConnectorId { get; init; }

    public string? ConnectorType { get; init; }

    public required string IdTag { get; init; }

    /// <summary>2.0.1 IdTokenEnumType of <see cref="IdTag"/>; 1.6 ignores it.</summary>
    public string IdTokenType { get; init; } = "Central";

    public string? ParentIdTag { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public bool IsAnyConnector => ConnectorId == 0;

    /// <summary>Whether <paramref name="idTag"/> (with its group <paramref name="parentIdTag"/>) may use this reservation (H03.FR.04-06).</summary>
    public bool Admits(string idTag, string? parentIdTag) =>
        string.Equals(IdTag, idTag, StringComparison.OrdinalIgnoreCase)
        || (ParentIdTag is not null && string.Equals(ParentIdTag, parentIdTag, StringComparison.OrdinalIgnoreCase));
}
