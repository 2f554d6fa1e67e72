using System.Text.Json;

namespace ChargingHub.Ocpp;

/// <summary>
/// Writes OCPP-J frames as UTF-8 straight into a reusable pooled buffer. Each <c>Write…</c>
/// call replaces the previous frame; the returned memory is valid until the next call or
/// <see cref="Dispose"/>. Not thread-safe: one writer per sender.
/// </summary>
public sealed class RpcFrameWriter : IDisposable
{
    private static ReadOnlySpan<byte> EmptyObject => "{}"u8;

    private readonly PooledBufferWriter _buffer = new();
    private readonly Utf8JsonWriter _json;

    /// <summary>Creates a writer; its pooled buffer is rented on the first frame and grows on demand.</summary>
    public RpcFrameWriter() => _json = new Utf8JsonWriter(_buffer);

    /// <summary>The last frame written.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.WrittenMemory;

    /// <summary>Writes <c>[2, messageId, action, payload]</c> with a payload that is already JSON.</summary>
    public ReadOnlyMemory<byte> WriteCall(string messageId, string action, ReadOnlySpan<byte> payloadJson)
    {
        Begin(RpcMessageType.Call, messageId);
        _json.WriteStringValue(action);
        WriteRaw(payloadJson);
        return End();
    }

    /// <summary>Writes <c>[2, messageId, action, payload]</c>.</summary>
    public ReadOnlyMemory<byte> WriteCall(string messageId, string action, JsonElement payload)
    {
        Begin(RpcMessageType.Call, messageId);
        _json.WriteStringValue(action);
        payload.WriteTo(_json);
        return End();
    }

    /// <summary>Writes <c>[3, messageId, payload]</c> with a payload that is already JSON.</summary>
    public ReadOnlyMemory<byte> WriteCallResult(string messageId, ReadOnlySpan<byte> payloadJson)
    {
        Begin(RpcMessageType.CallResult, messageId);
        WriteRaw(payloadJson);
        return End();
    }

    /// <summary>Writes <c>[3, messageId, payload]</c>.</summary>
    public ReadOnlyMemory<byte> WriteCallResult(string messageId, JsonElement payload)
    {
        Begin(RpcMessageType.CallResult, messageId);
        payload.WriteTo(_json);
        return End();
    }

    /// <summary>Writes <c>[4, messageId, errorCode, errorDescription, errorDetails]</c>; details default to <c>{}</c>.</summary>
    public ReadOnlyMemory<byte> WriteCallError(string messageId, string errorCode, string errorDescription, JsonElement? errorDetails = null)
    {
        Begin(RpcMessageType.CallError, messageId);
        _json.WriteStringValue(errorCode);
        _json.WriteStringValue(errorDescription);
        if (errorDetails is { ValueKind: JsonValueKind.Object } details)
        {
            details.WriteTo(_json);
        }
        else
        {
            _json.WriteRawValue(EmptyObject, skipInputValidation: true);
        }

        return End();
    }

    /// <summary>
    /// Hands the buffer back to the pool once the last frame is sent (its memory is then invalid); the next
    /// <c>Write…</c> rents one again. A connection that waits for its next message thus holds no send buffer.
    /// </summary>
    public void ReleaseBuffer() => _buffer.Release();

    /// <summary>Returns the pooled buffer.</summary>
    public void Dispose()
    {
        _json.Dispose();
        _buffer.Dispose();
    }

    private void Begin(RpcMessageType type, string messageId)
    {
        _buffer.Reset();
        _json.Reset(_buffer);
        _json.WriteStartArray();
        _json.WriteNumberValue((int)type);
        _json.WriteStringValue(messageId);
    }

    private void WriteRaw(ReadOnlySpan<byte> payloadJson)
    {
        if (payloadJson.IsEmpty)
        {
            throw new ArgumentException("The payload must be a JSON value.", nameof(payloadJson));
        }

        // Payloads come from our own serializer or from a parsed document, so re-validating them would only cost time.
        _json.WriteRawValue(payloadJson, skipInputValidation: true);
    }

    private ReadOnlyMemory<byte> End()
    {
        _json.WriteEndArray();
        _json.Flush();
        return _buffer.WrittenMemory;
    }
}
