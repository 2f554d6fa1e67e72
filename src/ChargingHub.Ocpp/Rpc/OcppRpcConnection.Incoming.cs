using System.Buffers;
using System.Text.Json;

namespace ChargingHub.Ocpp;

public sealed partial class OcppRpcConnection
{
    private const string InternalErrorDescription = "An internal error occurred while handling the call.";

    /// <summary>
    /// Starts handling a CALL without waiting for it: the handler runs on the receive loop only
    /// until its first await, so the loop keeps reading (answers to our own calls, further
    /// CALLs) while a handler waits. Starting inline instead of queueing to the thread pool
    /// saves a thread hop per message, which is most of the cost of a Heartbeat round trip.
    /// Returns true when the handler took ownership of <paramref name="buffer"/>, which the
    /// frame points into.
    /// </summary>
    private async ValueTask<bool> TryDispatchAsync(RpcCall call, byte[] buffer)
    {
        RpcLog.CallReceived(_logger, call.MessageId, call.Action);
        if (_handling.TryAdd(call.MessageId, true))
        {
            // Not awaited by design: HandleCallAsync catches everything it can recover from.
            _ = HandleCallAsync(call, buffer);
            return true;
        }

        // Answering the duplicate under the same id is what OCPP-J prescribes; the original still gets its own answer.
        RpcLog.DuplicateCall(_logger, call.MessageId, call.Action);
        var messageId = call.MessageId;
        call.Dispose();
        var code = Version == OcppVersion.V16 ? RpcErrorCode.ProtocolError : RpcErrorCode.RpcFrameworkError;
        await TrySendCallErrorAsync(messageId, code, "A call with this message id is still being handled.").ConfigureAwait(false);
        return false;
    }

    private async Task HandleCallAsync(RpcCall call, byte[] buffer)
    {
        var messageId = call.MessageId;
        var action = call.Action;
        OcppResult answer;
        try
        {
            answer = await AnswerAsync(call).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            _handling.TryRemove(messageId, out _);
            RpcLog.AnswerDropped(_logger, messageId, action);
            return;
        }
        finally
        {
            call.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
        }

        // Released before the answer goes out: once the peer has the answer it may reuse the id.
        _handling.TryRemove(messageId, out _);
        try
        {
            if (answer.IsError)
            {
                await SendCallErrorAsync(messageId, answer.ErrorCode, answer.ErrorDescription!).ConfigureAwait(false);
            }
            else
            {
                await SendFrameAsync(RpcMessageType.CallResult, messageId, null, answer.Payload, _lifetime.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OcppConnectionClosedException or OperationCanceledException)
        {
            RpcLog.AnswerDropped(_logger, messageId, action);
        }
    }

    private async ValueTask<OcppResult> AnswerAsync(RpcCall call)
    {
        if (_validateIncoming)
        {
            if (!_validator.HasSchema(Version, call.Action, OcppPayloadKind.Request))
            {
                return Refuse(call, RpcErrorCode.NotImplemented, $"Action '{call.Action}' is not implemented.");
            }

            if (_validator.Validate(Version, call.Action, OcppPayloadKind.Request, call.Payload) is { } violation)
            {
                return Refuse(call, violation.Code, violation.Message);
            }
        }

        OcppResult? result;
        try
        {
            result = await _handler.HandleAsync(new OcppIncomingCall(call.MessageId, call.Action, call.Payload), _lifetime.Token)
                .ConfigureAwait(false);
        }
        catch (OcppException ex)
        {
            return Refuse(call, ex.Code, ex.Description);
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The exception's text stays in the log: it may describe internals the peer has no business seeing.
            RpcLog.HandlerFailed(_logger, ex, call.MessageId, call.Action);
            return OcppResult.Error(RpcErrorCode.InternalError, InternalErrorDescription);
        }

        if (result is null)
        {
            RpcLog.InvalidOwnResponse(_logger, call.MessageId, call.Action, "the handler returned null");
            return OcppResult.Error(RpcErrorCode.InternalError, InternalErrorDescription);
        }

        if (result.IsError)
        {
            RpcLog.CallRefused(_logger, call.MessageId, call.Action, result.ErrorCode, result.ErrorDescription!);
            return result;
        }

        if (ValidateOwnPayload(call.Action, OcppPayloadKind.Response, result.Payload) is { } problem)
        {
            // Our own response breaking the schema is a bug on this side; the peer only learns that something failed.
            RpcLog.InvalidOwnResponse(_logger, call.MessageId, call.Action, problem.Message);
            return OcppResult.Error(RpcErrorCode.InternalError, InternalErrorDescription);
        }

        return result;
    }

    private OcppResult Refuse(RpcCall call, RpcErrorCode code, string description)
    {
        RpcLog.CallRefused(_logger, call.MessageId, call.Action, code, description);
        return OcppResult.Error(code, description);
    }

    /// <summary>Checks a payload we are about to send; null when it may go out.</summary>
    private OcppValidationError? ValidateOwnPayload(string action, OcppPayloadKind kind, ReadOnlyMemory<byte> payload)
    {
        // Even unvalidated, a frame must carry an object: anything else would be a malformed frame of ours.
        if (payload.IsEmpty || payload.Span[0] != (byte)'{')
        {
            return new OcppValidationError(RpcErrorCode.TypeConstraintViolation, "type", "$", "$: the payload must be a JSON object.");
        }

        if (!_validateOutgoing || (kind == OcppPayloadKind.Response && !_validator.HasSchema(Version, action, kind)))
        {
            return null;
        }

        using var document = JsonDocument.Parse(payload);
        return _validator.Validate(Version, action, kind, document.RootElement);
    }
}
