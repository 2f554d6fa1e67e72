using System.Text.Json.Serialization.Metadata;

namespace ChargingHub.Ocpp;

/// <summary>
/// A typed description of one OCPP action: its wire name and how its request and response
/// payloads are (de)serialized. Lets callers write <c>connection.CallAsync(V16Actions.ReserveNow, request, ct)</c>
/// without reflection-based serialization.
/// </summary>
public sealed record OcppAction<TRequest, TResponse>(
    string Name,
    JsonTypeInfo<TRequest> RequestType,
    JsonTypeInfo<TResponse> ResponseType);
