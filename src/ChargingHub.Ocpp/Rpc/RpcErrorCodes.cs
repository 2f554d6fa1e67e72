namespace ChargingHub.Ocpp;

/// <summary>
/// Converts <see cref="RpcErrorCode"/> to and from the error-code strings on the wire.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>Code</term><description>1.6 / 2.0.1 wire spelling</description></listheader>
/// <item><term>FormatViolation</term><description><c>FormationViolation</c> / <c>FormatViolation</c></description></item>
/// <item><term>OccurrenceConstraintViolation</term><description><c>OccurenceConstraintViolation</c> / <c>OccurrenceConstraintViolation</c></description></item>
/// <item><term>RpcFrameworkError</term><description><c>FormationViolation</c> (1.6 has no RPC-framework code; an unreadable frame is a formation problem) / <c>RpcFrameworkError</c></description></item>
/// <item><term>MessageTypeNotSupported</term><description><c>FormationViolation</c> (same reason) / <c>MessageTypeNotSupported</c></description></item>
/// <item><term>every other code</term><description>its own name in both versions</description></item>
/// </list>
/// 1.6 keeps the original specification's spellings because the 1.6 errata renamed them
/// only later and chargers in the field use either; <see cref="TryParse"/> accepts both.
/// </remarks>
public static class RpcErrorCodes
{
    /// <summary>The spelling of <paramref name="code"/> that <paramref name="version"/> puts on the wire.</summary>
    public static string ToWire(RpcErrorCode code, OcppVersion version) => code switch
    {
        RpcErrorCode.NotImplemented => "NotImplemented",
        RpcErrorCode.NotSupported => "NotSupported",
        RpcErrorCode.InternalError => "InternalError",
        RpcErrorCode.ProtocolError => "ProtocolError",
        RpcErrorCode.SecurityError => "SecurityError",
        RpcErrorCode.PropertyConstraintViolation => "PropertyConstraintViolation",
        RpcErrorCode.TypeConstraintViolation => "TypeConstraintViolation",
        RpcErrorCode.GenericError => "GenericError",
        RpcErrorCode.FormatViolation => version == OcppVersion.V16 ? "FormationViolation" : "FormatViolation",
        RpcErrorCode.OccurrenceConstraintViolation =>
            version == OcppVersion.V16 ? "OccurenceConstraintViolation" : "OccurrenceConstraintViolation",
        RpcErrorCode.RpcFrameworkError => version == OcppVersion.V16 ? "FormationViolation" : "RpcFrameworkError",
        RpcErrorCode.MessageTypeNotSupported => version == OcppVersion.V16 ? "FormationViolation" : "MessageTypeNotSupported",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    /// <summary>
    /// Reads a wire error code of either version, accepting both the original and the
    /// errata spellings. Matching is exact (ordinal).
    /// </summary>
    public static bool TryParse(string? wire, out RpcErrorCode code)
    {
        switch (wire)
        {
            case "NotImplemented": code = RpcErrorCode.NotImplemented; return true;
            case "NotSupported": code = RpcErrorCode.NotSupported; return true;
            case "InternalError": code = RpcErrorCode.InternalError; return true;
            case "ProtocolError": code = RpcErrorCode.ProtocolError; return true;
            case "SecurityError": code = RpcErrorCode.SecurityError; return true;
            case "FormatViolation":
            case "FormationViolation": code = RpcErrorCode.FormatViolation; return true;
            case "PropertyConstraintViolation": code = RpcErrorCode.PropertyConstraintViolation; return true;
            case "OccurrenceConstraintViolation":
            case "OccurenceConstraintViolation": code = RpcErrorCode.OccurrenceConstraintViolation; return true;
            case "TypeConstraintViolation": code = RpcErrorCode.TypeConstraintViolation; return true;
            case "GenericError": code = RpcErrorCode.GenericError; return true;
            case "RpcFrameworkError": code = RpcErrorCode.RpcFrameworkError; return true;
            case "MessageTypeNotSupported": code = RpcErrorCode.MessageTypeNotSupported; return true;
            default: code = default; return false;
        }
    }
}
