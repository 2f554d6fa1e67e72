namespace ChargingHub.Ocpp.V16;

/// <summary>DataTransfer.req: vendor-specific data, in either direction.</summary>
public sealed record DataTransferRequest
{
    public required string VendorId { get; init; }

    public string? MessageId { get; init; }

    public string? Data { get; init; }
}

/// <summary>DataTransfer.conf.</summary>
public sealed record DataTransferResponse
{
    public required DataTransferStatus Status { get; init; }

    public string? Data { get; init; }
}
