using System.Text.Json;

namespace ChargingHub.Ocpp;

/// <summary>
/// One parsed OCPP-J frame. Its <see cref="JsonElement"/>s point into the parsed document and
/// the bytes it was parsed from, so they are valid until the frame is disposed.
/// </summary>
public abstract class RpcFrame : IDisposable
{
    private readonly JsonDocument? _document;

    private protected RpcFrame(string messageId, JsonDocument? document)
    {
        MessageId = messageId;
        _document = document;
    }

    /// <summary>The frame's message type number.</summary>
    public abstract RpcMessageType MessageType { get; }

    /// <summary>The message id that pairs a CALL with its answer.</summary>
    public string MessageId { get; }

    /// <summary>Returns the parsed document's pooled memory.</summary>
    public void Dispose() => _document?.Dispose();
}

/// <summary><c>[2, messageId, action, payload]</c>.</summary>
public sealed class RpcCall : RpcFrame
{
    internal RpcCall(string messageId, string action, JsonElement payload, JsonDocument? document)
        : base(messageId, document)
    {
        Action = action;
        Payload = payload;
    }

    /// <inheritdoc />
    public override RpcMessageType MessageType => RpcMessageType.Call;

    /// <summary>The action name, e.g. <c>BootNotification</c>.</summary>
    public string Action { get; }

    /// <summary>The request payload (always a JSON object).</summary>
    public JsonElement Payload { get; }
}

/// <summary><c>[3, messageId, payload]</c>.</summary>
public sealed class RpcCallResult : RpcFrame
{
    internal RpcCallResult(string messageId, JsonElement payload, JsonDocument? document)
        : base(messageId, document)
    {
        Payload = payload;
    }

    /// <inheritdoc />
    public override RpcMessageType MessageType => RpcMessageType.CallResult;

    /// <summary>The response payload (always a JSON object).</summary>
    public JsonElement Payload { get; }
}

/// <summary><c>[4, messageId, errorCode, errorDescription, errorDetails]</c>.</summary>
public sealed class RpcCallError : RpcFrame
{
    internal RpcCallError(string messageId, string errorCode, string errorDescription, JsonElement errorDetails, JsonDocument? document)
        : base(messageId, document)
    {
        ErrorCode = errorCode;
        ErrorDescription = errorDescription;
        ErrorDetails = errorDetails;
    }

    /// <inheritdoc />
    public override RpcMessageType MessageType => RpcMessageType.CallError;

    /// <summary>The error code as spelled on the wire; see <see cref="RpcErrorCodes.TryParse"/>.</summary>
    public string ErrorCode { get; }

    /// <summary>The error description (may be empty).</summary>
    public string ErrorDescription { get; }

    /// <summary>The error details (always a JSON object).</summary>
    public JsonElement ErrorDetails { get; }
}
