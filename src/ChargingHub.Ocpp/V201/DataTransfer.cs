using System.Text.Json;

namespace ChargingHub.Ocpp.V201;

/// <summary>DataTransferRequest: vendor-specific data, in either direction.</summary>
public sealed record DataTransferRequest
{
    public string? MessageId { get; init; }

    /// <summary>Any JSON value; its shape is up to the vendor.</summary>
    public JsonElement? Data { get; init; }

    public required string VendorId { get; init; }
}

/// <summary>DataTransferResponse.</summary>
public sealed record DataTransferResponse
{
    public required DataTransferStatusEnumType Status { get; init; }

    public StatusInfoType? StatusInfo { get; init; }

    /// <summary>Any JSON value; its shape is up to the vendor.</summary>
    public JsonElement? Data { get; init; }
}
