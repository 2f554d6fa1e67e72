using System.Text.Json.Serialization.Metadata;

namespace ChargingHub.Ocpp.V16;

/// <summary>The OCPP 1.6 actions the hub speaks, each with its wire name and payload serializers.</summary>
public static class Ocpp16Actions
{
    private static Ocpp16JsonContext Json => Ocpp16JsonContext.Default;

    // Charge point to central system.

    /// <summary>The <c>BootNotification</c> action.</summary>
    public static OcppAction<BootNotificationRequest, BootNotificationResponse> BootNotification { get; } =
        new("BootNotification", () => Json.BootNotificationRequest, () => Json.BootNotificationResponse);

    /// <summary>The <c>Heartbeat</c> action.</summary>
    public static OcppAction<HeartbeatRequest, HeartbeatResponse> Heartbeat { get; } =
        new("Heartbeat", () => Json.HeartbeatRequest, () => Json.HeartbeatResponse);

    /// <summary>The <c>StatusNotification</c> action.</summary>
    public static OcppAction<StatusNotificationRequest, StatusNotificationResponse> StatusNotification { get; } =
        new("StatusNotification", () => Json.StatusNotificationRequest, () => Json.StatusNotificationResponse);

    /// <summary>The <c>Authorize</c> action.</summary>
    public static OcppAction<AuthorizeRequest, AuthorizeResponse> Authorize { get; } =
        new("Authorize", () => Json.AuthorizeRequest, () => Json.AuthorizeResponse);

    /// <summary>The <c>StartTransaction</c> action.</summary>
    public static OcppAction<StartTransactionRequest, StartTransactionResponse> StartTransaction { get; } =
        new("StartTransaction", () => Json.StartTransactionRequest, () => Json.StartTransactionResponse);

    /// <summary>The <c>StopTransaction</c> action.</summary>
    public static OcppAction<StopTransactionRequest, StopTransactionResponse> StopTransaction { get; } =
        new("StopTransaction", () => Json.StopTransactionRequest, () => Json.StopTransactionResponse);

    /// <summary>The <c>MeterValues</c> action.</summary>
    public static OcppAction<MeterValuesRequest, MeterValuesResponse> MeterValues { get; } =
        new("MeterValues", () => Json.MeterValuesRequest, () => Json.MeterValuesResponse);

    /// <summary>The <c>DataTransfer</c> action.</summary>
    public static OcppAction<DataTransferRequest, DataTransferResponse> DataTransfer { get; } =
        new("DataTransfer", () => Json.DataTransferRequest, () => Json.DataTransferResponse);

    /// <summary>The <c>DiagnosticsStatusNotification</c> action.</summary>
    public static OcppAction<DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse> DiagnosticsStatusNotification { get; } =
        new("DiagnosticsStatusNotification", () => Json.DiagnosticsStatusNotificationRequest, () => Json.DiagnosticsStatusNotificationResponse);

    /// <summary>The <c>FirmwareStatusNotification</c> action.</summary>
    public static OcppAction<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse> FirmwareStatusNotification { get; } =
        new("FirmwareStatusNotification", () => Json.FirmwareStatusNotificationRequest, () => Json.FirmwareStatusNotificationResponse);

    // Central system to charge point.

    /// <summary>The <c>ReserveNow</c> action.</summary>
    public static OcppAction<ReserveNowRequest, ReserveNowResponse> ReserveNow { get; } =
        new("ReserveNow", () => Json.ReserveNowRequest, () => Json.ReserveNowResponse);

    /// <summary>The <c>CancelReservation</c> action.</summary>
    public static OcppAction<CancelReservationRequest, CancelReservationResponse> CancelReservation { get; } =
        new("CancelReservation", () => Json.CancelReservationRequest, () => Json.CancelReservationResponse);

    /// <summary>The <c>GetConfiguration</c> action.</summary>
    public static OcppAction<GetConfigurationRequest, GetConfigurationResponse> GetConfiguration { get; } =
        new("GetConfiguration", () => Json.GetConfigurationRequest, () => Json.GetConfigurationResponse);

    /// <summary>The <c>ChangeConfiguration</c> action.</summary>
    public static OcppAction<ChangeConfigurationRequest, ChangeConfigurationResponse> ChangeConfiguration { get; } =
        new("ChangeConfiguration", () => Json.ChangeConfigurationRequest, () => Json.ChangeConfigurationResponse);

    /// <summary>The <c>TriggerMessage</c> action.</summary>
    public static OcppAction<TriggerMessageRequest, TriggerMessageResponse> TriggerMessage { get; } =
        new("TriggerMessage", () => Json.TriggerMessageRequest, () => Json.TriggerMessageResponse);

    /// <summary>The <c>ChangeAvailability</c> action.</summary>
    public static OcppAction<ChangeAvailabilityRequest, ChangeAvailabilityResponse> ChangeAvailability { get; } =
        new("ChangeAvailability", () => Json.ChangeAvailabilityRequest, () => Json.ChangeAvailabilityResponse);

    /// <summary>The <c>RemoteStartTransaction</c> action.</summary>
    public static OcppAction<RemoteStartTransactionRequest, RemoteStartTransactionResponse> RemoteStartTransaction { get; } =
        new("RemoteStartTransaction", () => Json.RemoteStartTransactionRequest, () => Json.RemoteStartTransactionResponse);

    /// <summary>The <c>RemoteStopTransaction</c> action.</summary>
    public static OcppAction<RemoteStopTransactionRequest, RemoteStopTransactionResponse> RemoteStopTransaction { get; } =
        new("RemoteStopTransaction", () => Json.RemoteStopTransactionRequest, () => Json.RemoteStopTransactionResponse);

    /// <summary>The <c>Reset</c> action.</summary>
    public static OcppAction<ResetRequest, ResetResponse> Reset { get; } =
        new("Reset", () => Json.ResetRequest, () => Json.ResetResponse);

    /// <summary>
    /// Every action above with its serializers, for lookups by wire name and for tests. Built when asked for, as it
    /// resolves every serializer (see <see cref="OcppAction{TRequest, TResponse}"/>).
    /// </summary>
    public static IReadOnlyList<(string Name, JsonTypeInfo Request, JsonTypeInfo Response)> All =>
    [
        Entry(BootNotification),
        Entry(Heartbeat),
        Entry(StatusNotification),
        Entry(Authorize),
        Entry(StartTransaction),
        Entry(StopTransaction),
        Entry(MeterValues),
        Entry(DataTransfer),
        Entry(DiagnosticsStatusNotification),
        Entry(FirmwareStatusNotification),
        Entry(ReserveNow),
        Entry(CancelReservation),
        Entry(GetConfiguration),
        Entry(ChangeConfiguration),
        Entry(TriggerMessage),
        Entry(ChangeAvailability),
        Entry(RemoteStartTransaction),
        Entry(RemoteStopTransaction),
        Entry(Reset),
    ];

    private static (string Name, JsonTypeInfo Request, JsonTypeInfo Response) Entry<TRequest, TResponse>(
        OcppAction<TRequest, TResponse> action) => (action.Name, action.RequestType, action.ResponseType);
}
