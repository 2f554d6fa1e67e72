using System.Text.Json.Serialization;

namespace ChargingHub.Ocpp.V201;

/// <summary>AuthorizeRequest.</summary>
public sealed record AuthorizeRequest
{
    [JsonPropertyName("idToken")]
    public required IdTokenType IdToken { get; init; }

    /// <summary>PEM-encoded contract certificate chain, for ISO 15118 Plug and Charge.</summary>
    public string? Certificate { get; init; }

    [JsonPropertyName("iso15118CertificateHashData")]
    public IReadOnlyList<OCSPRequestDataType>? Iso15118CertificateHashData { get; init; }
}

/// <summary>AuthorizeResponse.</summary>
public sealed record AuthorizeResponse
{
    public required IdTokenInfoType IdTokenInfo { get; init; }

    public AuthorizeCertificateStatusEnumType? CertificateStatus { get; init; }
}

/// <summary>Data to check a certificate's revocation status with OCSP.</summary>
public sealed record OCSPRequestDataType
{
    public required HashAlgorithmEnumType HashAlgorithm { get; init; }

    public required string IssuerNameHash { get; init; }

    public required string IssuerKeyHash { get; init; }

    public required string SerialNumber { get; init; }

    [JsonPropertyName("responderURL")]
    public required string ResponderUrl { get; init; }
}
