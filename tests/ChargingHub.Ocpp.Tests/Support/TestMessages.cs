using System.Text.Json.Serialization;

namespace ChargingHub.Ocpp.Tests.Support;

// Minimal stand-ins for the real message contracts, enough to exercise typed calls.
internal sealed record HeartbeatRequest;

internal sealed record HeartbeatResponse(DateTimeOffset CurrentTime);

internal sealed record BootNotificationRequest(string ChargePointVendor, string ChargePointModel);

internal sealed record BootNotificationResponse(string Status, DateTimeOffset CurrentTime, int Interval);

internal sealed record RemoteStartTransactionRequest(string IdTag);

internal sealed record RemoteStartTransactionResponse(string Status);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HeartbeatRequest))]
[JsonSerializable(typeof(HeartbeatResponse))]
[JsonSerializable(typeof(BootNotificationRequest))]
[JsonSerializable(typeof(BootNotificationResponse))]
[JsonSerializable(typeof(RemoteStartTransactionRequest))]
[JsonSerializable(typeof(RemoteStartTransactionResponse))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

internal static class TestActions
{
    public static readonly OcppAction<HeartbeatRequest, HeartbeatResponse> Heartbeat =
        new("Heartbeat", () => TestJsonContext.Default.HeartbeatRequest, () => TestJsonContext.Default.HeartbeatResponse);

    public static readonly OcppAction<BootNotificationRequest, BootNotificationResponse> BootNotification =
        new("BootNotification", () => TestJsonContext.Default.BootNotificationRequest, () => TestJsonContext.Default.BootNotificationResponse);

    public static readonly OcppAction<RemoteStartTransactionRequest, RemoteStartTransactionResponse> RemoteStartTransaction =
        new("RemoteStartTransaction", () => TestJsonContext.Default.RemoteStartTransactionRequest, () => TestJsonContext.Default.RemoteStartTransactionResponse);
}
