using System.Text.Json.Serialization;

namespace ChargingHub.Ocpp.V201;

/// <summary>An identifier a driver authorizes with (RFID UID, eMAID, key code, ...).</summary>
public sealed record IdTokenType
{
    /// <summary>The identifier itself (maximum 36 characters).</summary>
    [JsonPropertyName("idToken")]
    public required string IdToken { get; init; }

    public required IdTokenEnumType Type { get; init; }

    public IReadOnlyList<AdditionalInfoType>? AdditionalInfo { get; init; }
}

/// <summary>An extra identifier attached to an idToken.</summary>
public sealed record AdditionalInfoType
{
    public required string AdditionalIdToken { get; init; }

    public required string Type { get; init; }
}

/// <summary>Authorization status and related details of an idToken.</summary>
public sealed record IdTokenInfoType
{
    public required AuthorizationStatusEnumType Status { get; init; }

    public DateTimeOffset? CacheExpiryDateTime { get; init; }

    public int? ChargingPriority { get; init; }

    /// <summary>Preferred user interface language (RFC 5646).</summary>
    public string? Language1 { get; init; }

    /// <summary>The EVSEs this idToken may use; all when absent.</summary>
    [JsonPropertyName("evseId")]
    public IReadOnlyList<int>? EvseId { get; init; }

    public IdTokenType? GroupIdToken { get; init; }

    public string? Language2 { get; init; }

    public MessageContentType? PersonalMessage { get; init; }
}

/// <summary>A message shown to the driver.</summary>
public sealed record MessageContentType
{
    public required MessageFormatEnumType Format { get; init; }

    public string? Language { get; init; }

    public required string Content { get; init; }
}

/// <summary>An EVSE, optionally narrowed to one of its connectors.</summary>
public sealed record EVSEType
{
    public required int Id { get; init; }

    public int? ConnectorId { get; init; }
}

/// <summary>Details that explain a status in a response.</summary>
public sealed record StatusInfoType
{
    public required string ReasonCode { get; init; }

    public string? AdditionalInfo { get; init; }
}

/// <summary>Sampled values taken at one instant.</summary>
public sealed record MeterValueType
{
    public required IReadOnlyList<SampledValueType> SampledValue { get; init; }

    public required DateTimeOffset Timestamp { get; init; }
}

/// <summary>
/// One measured value. Context, measurand, phase and location stay strings: they are open-ended
/// vocabularies the hub reports but never branches on (the schema's enum lists them).
/// </summary>
public sealed record SampledValueType
{
    public required decimal Value { get; init; }

    /// <summary>e.g. <c>Sample.Periodic</c>, <c>Transaction.Begin</c>.</summary>
    public string? Context { get; init; }

    /// <summary>e.g. <c>Energy.Active.Import.Register</c> (the default when absent).</summary>
    public string? Measurand { get; init; }

    /// <summary>e.g. <c>L1</c>, <c>L1-N</c>.</summary>
    public string? Phase { get; init; }

    /// <summary>e.g. <c>Outlet</c>, <c>EV</c>.</summary>
    public string? Location { get; init; }

    public SignedMeterValueType? SignedMeterValue { get; init; }

    public UnitOfMeasureType? UnitOfMeasure { get; init; }
}

/// <summary>Signed meter data, for metering that must be verifiable by the driver.</summary>
public sealed record SignedMeterValueType
{
    public required string SignedMeterData { get; init; }

    public required string SigningMethod { get; init; }

    public required string EncodingMethod { get; init; }

    public required string PublicKey { get; init; }
}

/// <summary>Unit of a sampled value, with a power-of-ten multiplier.</summary>
public sealed record UnitOfMeasureType
{
    /// <summary>e.g. <c>Wh</c>, <c>kW</c>; <c>Wh</c> when absent.</summary>
    public string? Unit { get; init; }

    public int? Multiplier { get; init; }
}
