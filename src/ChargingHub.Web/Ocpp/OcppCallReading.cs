using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChargingHub.Ocpp;

namespace ChargingHub.Web.Ocpp;

public static class OcppCallReading
{
    /// <summary>
    /// Reads a call's payload into its typed request. The payload already passed schema validation, so a failure
    /// here means the value is valid JSON-Schema-wise but not representable (e.g. a number too large): a type violation.
    /// </summary>
    public static T Read<T>(this OcppIncomingCall call, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return call.Payload.Deserialize(typeInfo) ?? throw new OcppException(RpcErrorCode.FormatViolation, $"{call.Action} payload is empty.");
        }
        catch (JsonException ex)
        {
            throw new OcppException(RpcErrorCode.TypeConstraintViolation, $"{call.Action}: {ex.Message}");
        }
    }
}
