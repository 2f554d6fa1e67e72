using System.Net.WebSockets;

namespace ChargingHub.Ocpp;

public sealed partial class OcppRpcConnection
{
    private async Task<T> InvokeAsync<T>(string action, ReadOnlyMemory<byte> payload, PendingCall<T> pending, CancellationToken ct)
    {
        ThrowIfClosed();
        if (ValidateOwnPayload(action, OcppPayloadKind.Request, payload) is { } violation)
        {
            throw new OcppException(violation.Code, $"Refusing to send an invalid {action} request: {violation.Message}");
        }

        await AcquireCallTurnAsync(ct).ConfigureAwait(false);
        var messageId = NextMessageId();
        try
        {
            lock (_stateGate)
            {
                // Checked under the same lock Shutdown takes, so a call registered here is always failed by it.
                if (_closed)
                {
                    throw new OcppConnectionClosedException();
                }

                _pending.TryAdd(messageId, pending);
            }

            RpcLog.CallSending(_logger, messageId, action);
            await SendFrameAsync(RpcMessageType.Call, messageId, action, payload, ct).ConfigureAwait(false);
            try
            {
                return await pending.Task.WaitAsync(_callTimeout, _time, ct).ConfigureAwait(false);
            }
            catch (TimeoutException ex) when (ex is not OcppCallTimeoutException)
            {
                RpcLog.CallTimedOut(_logger, messageId, action, _callTimeout);
                throw new OcppCallTimeoutException(action, messageId, _callTimeout);
            }
        }
        finally
        {
            _pending.TryRemove(messageId, out _);
            _callGate.Release();
        }
    }

    /// <summary>Waits until no other CALL of ours is in flight; closing the connection ends the wait.</summary>
    private async ValueTask AcquireCallTurnAsync(CancellationToken ct)
    {
        if (_callGate.Wait(0, CancellationToken.None))
        {
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _lifetime.Token);
        try
        {
            await _callGate.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new OcppConnectionClosedException("The connection closed while the call waited for its turn.", ex);
        }
    }

    private void ThrowIfClosed()
    {
        if (Volatile.Read(ref _closed))
        {
            throw new OcppConnectionClosedException();
        }
    }

    private ValueTask SendCallErrorAsync(string messageId, RpcErrorCode code, string description) =>
        SendFrameAsync(
            RpcMessageType.CallError,
            messageId,
            RpcErrorCodes.ToWire(code, Version),
            ReadOnlyMemory<byte>.Empty,
            _lifetime.Token,
            Truncate(description));

    private async ValueTask TrySendCallErrorAsync(string messageId, RpcErrorCode code, string description)
    {
        try
        {
            await SendCallErrorAsync(messageId, code, description).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OcppConnectionClosedException or OperationCanceledException)
        {
            RpcLog.AnswerDropped(_logger, messageId, "(error reply)");
        }
    }

    /// <summary>
    /// Writes and sends one frame. A WebSocket allows one send at a time, and the frame writer
    /// is shared, so both happen under <see cref="_sendLock"/>.
    /// </summary>
    /// <param name="type">The frame type.</param>
    /// <param name="messageId">The message id.</param>
    /// <param name="text">The action (CALL) or the wire error code (CALLERROR).</param>
    /// <param name="payload">The payload JSON (CALL, CALLRESULT).</param>
    /// <param name="waitToken">Cancels waiting for the lock; once the frame is being sent only closing stops it.</param>
    /// <param name="errorDescription">The error description (CALLERROR).</param>
    private async ValueTask SendFrameAsync(
        RpcMessageType type,
        string messageId,
        string? text,
        ReadOnlyMemory<byte> payload,
        CancellationToken waitToken,
        string? errorDescription = null)
    {
        await _sendLock.WaitAsync(waitToken).ConfigureAwait(false);
        try
        {
            if (_writerDisposed || _socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            {
                throw new OcppConnectionClosedException();
            }

            var frame = type switch
            {
                RpcMessageType.Call => _writer.WriteCall(messageId, text!, payload.Span),
                RpcMessageType.CallResult => _writer.WriteCallResult(messageId, payload.Span),
                _ => _writer.WriteCallError(messageId, text!, errorDescription ?? string.Empty),
            };
            Observe(OcppFrameDirection.Sent, frame.Span);
            try
            {
                // No token: a cancellable send takes the WebSocket's slower path on every frame. A send
                // stuck on a peer that stopped reading ends when Shutdown aborts the socket.
                await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                throw new OcppConnectionClosedException("The connection closed while sending.", ex);
            }
            finally
            {
                // Between frames the connection holds no send buffer (see RpcFrameWriter.ReleaseBuffer).
                _writer.ReleaseBuffer();
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
