using Microsoft.Extensions.Logging;

namespace ChargingHub.Ocpp;

/// <summary>Source-generated log messages of <see cref="OcppRpcConnection"/>: no formatting cost when the level is off.</summary>
internal static partial class RpcLog
{
    [LoggerMessage(1, LogLevel.Debug, "Received CALL {Action} (message id {MessageId})")]
    public static partial void CallReceived(ILogger logger, string messageId, string action);

    [LoggerMessage(2, LogLevel.Debug, "Sending CALL {Action} (message id {MessageId})")]
    public static partial void CallSending(ILogger logger, string messageId, string action);

    [LoggerMessage(3, LogLevel.Debug, "Received CALLRESULT for {Action} (message id {MessageId})")]
    public static partial void ResultReceived(ILogger logger, string messageId, string action);

    [LoggerMessage(4, LogLevel.Information, "Peer answered {Action} (message id {MessageId}) with {ErrorCode}: {ErrorDescription}")]
    public static partial void CallErrorReceived(ILogger logger, string messageId, string action, string errorCode, string errorDescription);

    [LoggerMessage(5, LogLevel.Warning, "Ignoring answer with unknown message id {MessageId} ({MessageType})")]
    public static partial void UnknownAnswer(ILogger logger, string messageId, RpcMessageType messageType);

    [LoggerMessage(6, LogLevel.Warning, "Bad frame (message id {MessageId}): {Reason}; {BadFrameCount} in a row")]
    public static partial void BadFrame(ILogger logger, string messageId, string reason, int badFrameCount);

    [LoggerMessage(7, LogLevel.Warning, "Closing after {BadFrameCount} bad frames in a row")]
    public static partial void TooManyBadFrames(ILogger logger, int badFrameCount);

    [LoggerMessage(8, LogLevel.Warning, "Closing: a message exceeded {MaxMessageBytes} bytes")]
    public static partial void MessageTooBig(ILogger logger, int maxMessageBytes);

    [LoggerMessage(9, LogLevel.Warning, "Refusing CALL {Action} (message id {MessageId}): a call with this id is still being handled")]
    public static partial void DuplicateCall(ILogger logger, string messageId, string action);

    [LoggerMessage(10, LogLevel.Information, "Refusing CALL {Action} (message id {MessageId}) with {ErrorCode}: {Reason}")]
    public static partial void CallRefused(ILogger logger, string messageId, string action, RpcErrorCode errorCode, string reason);

    [LoggerMessage(11, LogLevel.Error, "Handler for {Action} (message id {MessageId}) failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string messageId, string action);

    [LoggerMessage(12, LogLevel.Error, "Handler for {Action} (message id {MessageId}) produced an invalid response: {Reason}")]
    public static partial void InvalidOwnResponse(ILogger logger, string messageId, string action, string reason);

    [LoggerMessage(13, LogLevel.Warning, "Peer's response to {Action} (message id {MessageId}) is invalid: {Reason}")]
    public static partial void InvalidPeerResponse(ILogger logger, string messageId, string action, string reason);

    [LoggerMessage(14, LogLevel.Warning, "Peer did not answer {Action} (message id {MessageId}) within {Timeout}")]
    public static partial void CallTimedOut(ILogger logger, string messageId, string action, TimeSpan timeout);

    [LoggerMessage(15, LogLevel.Debug, "Could not answer {Action} (message id {MessageId}): the connection is closing")]
    public static partial void AnswerDropped(ILogger logger, string messageId, string action);

    [LoggerMessage(16, LogLevel.Debug, "Receive loop ended: {Reason}")]
    public static partial void LoopEnded(ILogger logger, string reason);

    [LoggerMessage(17, LogLevel.Debug, "Connection lost")]
    public static partial void ConnectionLost(ILogger logger, Exception exception);

    [LoggerMessage(18, LogLevel.Warning, "Frame observer failed")]
    public static partial void ObserverFailed(ILogger logger, Exception exception);

    [LoggerMessage(19, LogLevel.Debug, "Peer closed the connection with {CloseStatus} {CloseDescription}")]
    public static partial void PeerClosed(ILogger logger, System.Net.WebSockets.WebSocketCloseStatus? closeStatus, string? closeDescription);
}
