namespace ChargingHub.Ocpp.V16;

/// <summary>Authorize.req.</summary>
public sealed record AuthorizeRequest
{
    public required string IdTag { get; init; }
}

/// <summary>Authorize.conf.</summary>
public sealed record AuthorizeResponse
{
    public required IdTagInfo IdTagInfo { get; init; }
}
