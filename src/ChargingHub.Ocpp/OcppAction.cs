using System.Text.Json.Serialization.Metadata;

namespace ChargingHub.Ocpp;

/// <summary>
/// A typed description of one OCPP action: its wire name and how its request and response
/// payloads are (de)serialized. Lets callers write <c>connection.CallAsync(V16Actions.ReserveNow, request, ct)</c>
/// without reflection-based serialization.
/// </summary>
/// <remarks>
/// The serializers are resolved on first use, not when the action tables are built: resolving one configures
/// its types and a converter for every enum in them, which the runtime compiles on the spot (dozens of methods
/// per enum, megabytes for all actions together). A hub pays only for the actions its chargers use.
/// </remarks>
public sealed class OcppAction<TRequest, TResponse>(
    string name,
    Func<JsonTypeInfo<TRequest>> requestType,
    Func<JsonTypeInfo<TResponse>> responseType)
{
    private JsonTypeInfo<TRequest>? _requestType;
    private JsonTypeInfo<TResponse>? _responseType;

    /// <summary>The action's name on the wire, e.g. <c>ReserveNow</c>.</summary>
    public string Name { get; } = name;

    /// <summary>How the request payload is (de)serialized.</summary>
    public JsonTypeInfo<TRequest> RequestType => _requestType ??= requestType();

    /// <summary>How the response payload is (de)serialized.</summary>
    public JsonTypeInfo<TResponse> ResponseType => _responseType ??= responseType();

    public override string ToString() => Name;
}
