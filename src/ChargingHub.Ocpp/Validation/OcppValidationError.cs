namespace ChargingHub.Ocpp;

/// <summary>The first schema violation found in a payload.</summary>
/// <param name="Code">The CALLERROR code the violation maps to (see <see cref="OcppSchemaValidator"/>).</param>
/// <param name="Keyword">The JSON-Schema keyword that failed, e.g. <c>required</c> or <c>maxLength</c>.</param>
/// <param name="Path">The JSON path of the offending field, e.g. <c>$.idTagInfo.status</c>; <c>$</c> is the payload itself.</param>
/// <param name="Message">A short description that names <paramref name="Path"/>; safe to send as a CALLERROR description.</param>
public sealed record OcppValidationError(RpcErrorCode Code, string Keyword, string Path, string Message);
