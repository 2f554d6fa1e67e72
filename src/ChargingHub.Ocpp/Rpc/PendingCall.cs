using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChargingHub.Ocpp;

/// <summary>An outgoing CALL waiting for its answer in the connection's pending table.</summary>
internal interface IPendingCall
{
    string Action { get; }

    /// <summary>Reads the (already validated) response; runs on the receive loop while the payload is valid.</summary>
    void Complete(JsonElement payload);

    void Fail(Exception exception);
}

/// <summary>
/// The waiting side of an outgoing CALL. Continuations run asynchronously so a caller never
/// runs its own code on the connection's receive loop.
/// </summary>
internal abstract class PendingCall<T>(string action) : TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously), IPendingCall
{
    public string Action { get; } = action;

    public void Complete(JsonElement payload)
    {
        T value;
        try
        {
            value = Read(payload);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            TrySetException(new OcppException(
                RpcErrorCode.FormatViolation,
                $"The peer's {Action} response could not be read: {ex.Message}",
                ex));
            return;
        }

        TrySetResult(value);
    }

    public void Fail(Exception exception) => TrySetException(exception);

    protected abstract T Read(JsonElement payload);
}

internal sealed class TypedPendingCall<T>(string action, JsonTypeInfo<T> responseType) : PendingCall<T>(action)
{
    protected override T Read(JsonElement payload) =>
        payload.Deserialize(responseType) ?? throw new JsonException("The response payload is null.");
}

internal sealed class ElementPendingCall(string action) : PendingCall<JsonElement>(action)
{
    // The frame's document is returned to the pool after this call, so the caller gets a copy.
    protected override JsonElement Read(JsonElement payload) => payload.Clone();
}
