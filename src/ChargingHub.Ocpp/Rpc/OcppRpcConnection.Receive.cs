using System.Buffers;
using System.Net.WebSockets;

namespace ChargingHub.Ocpp;

public sealed partial class OcppRpcConnection
{
    private const int InitialReceiveBufferSize = 4096;

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        // Socket reads take no token: a cancellable read registers with the token on every call.
        // Aborting the socket once, when the loop is told to stop, ends the pending read just as well.
        using var abortOnStop = ct.UnsafeRegister(static socket => ((WebSocket)socket!).Abort(), _socket);
        byte[]? buffer = null;
        try
        {
            while (true)
            {
                // Wait for the next message without holding a buffer (a zero-byte read), and rent one only
                // once data has arrived: an idle charger then costs no receive buffer, which is most of the
                // memory of thousands of connected chargers.
                ReturnBuffer(ref buffer);
                var result = await _socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await OnPeerCloseAsync().ConfigureAwait(false);
                    return;
                }

                buffer = ArrayPool<byte>.Shared.Rent(InitialReceiveBufferSize);
                var count = 0;
                while (!result.EndOfMessage)
                {
                    if (count == buffer.Length)
                    {
                        buffer = Grow(buffer, count);
                    }

                    var space = Math.Min(buffer.Length, _maxMessageBytes) - count;
                    result = await _socket.ReceiveAsync(buffer.AsMemory(count, space), CancellationToken.None).ConfigureAwait(false);
                    count += result.Count;
                    if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    if (count >= _maxMessageBytes)
                    {
                        await OnMessageTooBigAsync(buffer).ConfigureAwait(false);
                        return;
                    }
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await OnPeerCloseAsync().ConfigureAwait(false);
                    return;
                }

                if (_socket.State != WebSocketState.Open)
                {
                    // We have sent our close frame: the peer's last words are no longer answered.
                    continue;
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    await OnBadFrameAsync(
                        new RpcFrameError(RpcErrorCode.RpcFrameworkError, null, null, "Binary messages are not OCPP-J frames."))
                        .ConfigureAwait(false);
                    continue;
                }

                var message = buffer.AsMemory(0, count);
                Observe(OcppFrameDirection.Received, message.Span);
                if (!RpcFrameParser.TryParse(message, out var frame, out var error))
                {
                    await OnBadFrameAsync(error).ConfigureAwait(false);
                    continue;
                }

                _badFrames = 0;
                switch (frame)
                {
                    case RpcCall call:
                        if (await TryDispatchAsync(call, buffer).ConfigureAwait(false))
                        {
                            // The handler owns the buffer now and returns it when done.
                            buffer = null;
                        }

                        break;
                    case RpcCallResult callResult:
                        using (callResult)
                        {
                            OnCallResult(callResult);
                        }

                        break;
                    case RpcCallError callError:
                        using (callError)
                        {
                            OnCallError(callError);
                        }

                        break;
                }
            }
        }
        finally
        {
            ReturnBuffer(ref buffer);
        }
    }

    private static void ReturnBuffer(ref byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }
    }

    private byte[] Grow(byte[] buffer, int count)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, _maxMessageBytes));
        buffer.AsSpan(0, count).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private void OnCallResult(RpcCallResult result)
    {
        if (!_pending.TryRemove(result.MessageId, out var call))
        {
            RpcLog.UnknownAnswer(_logger, result.MessageId, RpcMessageType.CallResult);
            return;
        }

        RpcLog.ResultReceived(_logger, result.MessageId, call.Action);
        if (_validateIncoming
            && _validator.HasSchema(Version, call.Action, OcppPayloadKind.Response)
            && _validator.Validate(Version, call.Action, OcppPayloadKind.Response, result.Payload) is { } violation)
        {
            RpcLog.InvalidPeerResponse(_logger, result.MessageId, call.Action, violation.Message);
            call.Fail(new OcppException(violation.Code, $"The peer's {call.Action} response is invalid: {violation.Message}"));
            return;
        }

        call.Complete(result.Payload);
    }

    private void OnCallError(RpcCallError error)
    {
        if (!_pending.TryRemove(error.MessageId, out var call))
        {
            RpcLog.UnknownAnswer(_logger, error.MessageId, RpcMessageType.CallError);
            return;
        }

        RpcLog.CallErrorReceived(_logger, error.MessageId, call.Action, error.ErrorCode, error.ErrorDescription);
        call.Fail(new OcppCallErrorException(call.Action, error.MessageId, error.ErrorCode, error.ErrorDescription, error.ErrorDetails.Clone()));
    }

    private async Task OnBadFrameAsync(RpcFrameError error)
    {
        // Only the receive loop touches the counter.
        _badFrames++;
        RpcLog.BadFrame(_logger, error.ReplyMessageId, error.Reason, _badFrames);

        // A malformed answer to our own call would otherwise leave that call waiting for its timeout.
        if (error is { MessageId: { } id, MessageTypeNumber: (int)RpcMessageType.CallResult or (int)RpcMessageType.CallError }
            && _pending.TryRemove(id, out var call))
        {
            call.Fail(new OcppException(RpcErrorCode.FormatViolation, $"The peer's answer to {call.Action} is malformed: {error.Reason}"));
        }

        await TrySendCallErrorAsync(error.ReplyMessageId, error.Code, error.Reason).ConfigureAwait(false);
        if (_badFrames >= _maxBadFrames)
        {
            RpcLog.TooManyBadFrames(_logger, _badFrames);
            await BeginCloseAsync(WebSocketCloseStatus.ProtocolError, "Too many invalid frames").ConfigureAwait(false);
        }
    }

    private async Task OnMessageTooBigAsync(byte[] buffer)
    {
        RpcLog.MessageTooBig(_logger, _maxMessageBytes);
        await BeginCloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big").ConfigureAwait(false);

        // Wait for the peer's close frame, discarding whatever it still sends; the close timer bounds the wait.
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }

    private async Task OnPeerCloseAsync()
    {
        RpcLog.PeerClosed(_logger, _socket.CloseStatus, _socket.CloseStatusDescription);
        if (_socket.State == WebSocketState.CloseReceived)
        {
            // The peer started the handshake: echo its status to complete it.
            await BeginCloseAsync(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, string.Empty).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends our close frame (once) and arms a timer that aborts the socket if the peer never
    /// answers it, so the receive loop cannot hang on a silent peer.
    /// </summary>
    private async Task BeginCloseAsync(WebSocketCloseStatus status, string description)
    {
        await _sendLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            {
                return;
            }

            var timer = _time.CreateTimer(static state => ((WebSocket)state!).Abort(), _socket, CloseHandshakeTimeout, Timeout.InfiniteTimeSpan);
            Interlocked.Exchange(ref _closeTimer, timer)?.Dispose();
            if (Volatile.Read(ref _closed))
            {
                Interlocked.Exchange(ref _closeTimer, null)?.Dispose();
            }

            using var deadline = new CancellationTokenSource(CloseHandshakeTimeout, _time);
            await _socket.CloseOutputAsync(status, description, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            RpcLog.ConnectionLost(_logger, ex);
            _socket.Abort();
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
