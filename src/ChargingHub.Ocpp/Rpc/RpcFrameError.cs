namespace ChargingHub.Ocpp;

/// <summary>Why a received frame is not a valid OCPP-J RPC message.</summary>
/// <param name="Code">The error code to answer with (<see cref="RpcErrorCode.RpcFrameworkError"/>,
/// <see cref="RpcErrorCode.MessageTypeNotSupported"/> or <see cref="RpcErrorCode.FormatViolation"/>).</param>
/// <param name="MessageId">The frame's message id, or null when none could be read.</param>
/// <param name="MessageTypeNumber">The frame's message type number, or null when none could be read.</param>
/// <param name="Reason">A short description for the CALLERROR and the log.</param>
public readonly record struct RpcFrameError(RpcErrorCode Code, string? MessageId, int? MessageTypeNumber, string Reason)
{
    /// <summary>The message id the CALLERROR that answers the frame carries: the frame's own, or <c>"-1"</c>.</summary>
    public string ReplyMessageId => MessageId ?? UnreadableMessageId;

    /// <summary>The message id OCPP-J prescribes when a frame's own id cannot be read.</summary>
    public const string UnreadableMessageId = "-1";
}
