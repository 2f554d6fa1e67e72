using System.Text.Json;

namespace ChargingHub.Ocpp;

/// <summary>Answers the CALLs a peer sends on an <see cref="OcppRpcConnection"/>.</summary>
/// <remarks>
/// A handler is started on the connection's receive loop and runs there until its first
/// await; from then on it runs concurrently with the loop and with other calls, so a handler
/// may itself call the peer and await the answer. It must therefore not block synchronously
/// (a blocking handler stalls its own connection's receive loop). By the time a handler runs,
/// its payload has passed the action's request schema (unless validation is off).
/// Throw <see cref="OcppException"/> or return <see cref="OcppResult.Error"/> to answer with a
/// CALLERROR; any other exception is answered with InternalError.
/// </remarks>
public interface IOcppCallHandler
{
    /// <summary>Handles one incoming CALL.</summary>
    /// <param name="call">The call; its payload is only valid until the returned task completes.</param>
    /// <param name="ct">Cancelled when the connection closes.</param>
    ValueTask<OcppResult> HandleAsync(OcppIncomingCall call, CancellationToken ct);
}

/// <summary>One CALL received from the peer.</summary>
/// <param name="MessageId">The peer's message id.</param>
/// <param name="Action">The action name, e.g. <c>Heartbeat</c>.</param>
/// <param name="Payload">The request payload. Valid only until the handler's task completes; <see cref="JsonElement.Clone"/> it to keep it.</param>
public readonly record struct OcppIncomingCall(string MessageId, string Action, JsonElement Payload);
