using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChargingHub.Ocpp;

/// <summary>A handler's answer to a CALL: a response payload, or an error code.</summary>
public sealed class OcppResult
{
    private OcppResult(ReadOnlyMemory<byte> payload, RpcErrorCode errorCode, string? errorDescription)
    {
        Payload = payload;
        ErrorCode = errorCode;
        ErrorDescription = errorDescription;
    }

    /// <summary>True when the answer is a CALLERROR.</summary>
    public bool IsError => ErrorDescription is not null;

    /// <summary>The response payload as UTF-8 JSON; empty for an error.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The error code when <see cref="IsError"/>.</summary>
    public RpcErrorCode ErrorCode { get; }

    /// <summary>The error description when <see cref="IsError"/>; null otherwise.</summary>
    public string? ErrorDescription { get; }

    /// <summary>A CALLRESULT whose payload is serialized at once to UTF-8 with the given (source-generated) type info.</summary>
    public static OcppResult Ok<T>(T payload, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return new OcppResult(JsonSerializer.SerializeToUtf8Bytes(payload, typeInfo), default, null);
    }

    /// <summary>A CALLRESULT with a payload that is already a JSON object; it is copied, so the element's document may be disposed afterwards.</summary>
    public static OcppResult Ok(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("An OCPP payload must be a JSON object.", nameof(payload));
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            payload.WriteTo(writer);
        }

        return new OcppResult(buffer.WrittenMemory, default, null);
    }

    /// <summary>A CALLERROR; cheaper than throwing <see cref="OcppException"/> for an expected refusal.</summary>
    /// <param name="code">The error code.</param>
    /// <param name="description">A short description; it goes on the wire.</param>
    public static OcppResult Error(RpcErrorCode code, string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return new OcppResult(ReadOnlyMemory<byte>.Empty, code, description);
    }
}
