using System.Text.Json.Serialization.Metadata;

namespace ChargingHub.Ocpp.V201;

/// <summary>The OCPP 2.0.1 actions the hub speaks, each with its wire name and payload serializers.</summary>
public static class Ocpp201Actions
{
    private static Ocpp201JsonContext Json => Ocpp201JsonContext.Default;

    // Charging station to CSMS.

    /// <summary>The <c>BootNotification</c> action.</summary>
    public static OcppAction<BootNotificationRequest, BootNotificationResponse> BootNotification { get; } =
        new("BootNotification", () => Json.BootNotificationRequest, () => Json.BootNotificationResponse);

    /// <summary>The <c>Heartbeat</c> action.</summary>
    public static OcppAction<HeartbeatRequest, HeartbeatResponse> Heartbeat { get; } =
        new("Heartbeat", () => Json.HeartbeatRequest, () => Json.HeartbeatResponse);

    /// <summary>The <c>StatusNotification</c> action.</summary>
    public static OcppAction<StatusNotificationRequest, StatusNotificationResponse> StatusNotification { get; } =
        new("StatusNotification", () => Json.StatusNotificationRequest, () => Json.StatusNotificationResponse);

    /// <summary>The <c>NotifyEvent</c> action.</summary>
    public static OcppAction<NotifyEventRequest, NotifyEventResponse> NotifyEvent { get; } =
        new("NotifyEvent", () => Json.NotifyEventRequest, () => Json.NotifyEventResponse);

    /// <summary>The <c>Authorize</c> action.</summary>
    public static OcppAction<AuthorizeRequest, AuthorizeResponse> Authorize { get; } =
        new("Authorize", () => Json.AuthorizeRequest, () => Json.AuthorizeResponse);

    /// <summary>The <c>TransactionEvent</c> action.</summary>
    public static OcppAction<TransactionEventRequest, TransactionEventResponse> TransactionEvent { get; } =
        new("TransactionEvent", () => Json.TransactionEventRequest, () => Json.TransactionEventResponse);

    /// <summary>The <c>MeterValues</c> action.</summary>
    public static OcppAction<MeterValuesRequest, MeterValuesResponse> MeterValues { get; } =
        new("MeterValues", () => Json.MeterValuesRequest, () => Json.MeterValuesResponse);

    /// <summary>The <c>NotifyReport</c> action.</summary>
    public static OcppAction<NotifyReportRequest, NotifyReportResponse> NotifyReport { get; } =
        new("NotifyReport", () => Json.NotifyReportRequest, () => Json.NotifyReportResponse);

    /// <summary>The <c>SecurityEventNotification</c> action.</summary>
    public static OcppAction<SecurityEventNotificationRequest, SecurityEventNotificationResponse> SecurityEventNotification { get; } =
        new("SecurityEventNotification", () => Json.SecurityEventNotificationRequest, () => Json.SecurityEventNotificationResponse);

    /// <summary>The <c>FirmwareStatusNotification</c> action.</summary>
    public static OcppAction<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse> FirmwareStatusNotification { get; } =
        new("FirmwareStatusNotification", () => Json.FirmwareStatusNotificationRequest, () => Json.FirmwareStatusNotificationResponse);

    /// <summary>The <c>LogStatusNotification</c> action.</summary>
    public static OcppAction<LogStatusNotificationRequest, LogStatusNotificationResponse> LogStatusNotification { get; } =
        new("LogStatusNotification", () => Json.LogStatusNotificationRequest, () => Json.LogStatusNotificationResponse);

    /// <summary>The <c>DataTransfer</c> action.</summary>
    public static OcppAction<DataTransferRequest, DataTransferResponse> DataTransfer { get; } =
        new("DataTransfer", () => Json.DataTransferRequest, () => Json.DataTransferResponse);

    /// <summary>The <c>ReservationStatusUpdate</c> action.</summary>
    public static OcppAction<ReservationStatusUpdateRequest, ReservationStatusUpdateResponse> ReservationStatusUpdate { get; } =
        new("ReservationStatusUpdate", () => Json.ReservationStatusUpdateRequest, () => Json.ReservationStatusUpdateResponse);

    // CSMS to charging station.

    /// <summary>The <c>ReserveNow</c> action.</summary>
    public static OcppAction<ReserveNowRequest, ReserveNowResponse> ReserveNow { get; } =
        new("ReserveNow", () => Json.ReserveNowRequest, () => Json.ReserveNowResponse);

    /// <summary>The <c>CancelReservation</c> action.</summary>
    public static OcppAction<CancelReservationRequest, CancelReservationResponse> CancelReservation { get; } =
        new("CancelReservation", () => Json.CancelReservationRequest, () => Json.CancelReservationResponse);

    /// <summary>The <c>GetVariables</c> action.</summary>
    public static OcppAction<GetVariablesRequest, GetVariablesResponse> GetVariables { get; } =
        new("GetVariables", () => Json.GetVariablesRequest, () => Json.GetVariablesResponse);

    /// <summary>The <c>SetVariables</c> action.</summary>
    public static OcppAction<SetVariablesRequest, SetVariablesResponse> SetVariables { get; } =
        new("SetVariables", () => Json.SetVariablesRequest, () => Json.SetVariablesResponse);

    /// <summary>The <c>GetBaseReport</c> action.</summary>
    public static OcppAction<GetBaseReportRequest, GetBaseReportResponse> GetBaseReport { get; } =
        new("GetBaseReport", () => Json.GetBaseReportRequest, () => Json.GetBaseReportResponse);

    /// <summary>The <c>TriggerMessage</c> action.</summary>
    public static OcppAction<TriggerMessageRequest, TriggerMessageResponse> TriggerMessage { get; } =
        new("TriggerMessage", () => Json.TriggerMessageRequest, () => Json.TriggerMessageResponse);

    /// <summary>The <c>ChangeAvailability</c> action.</summary>
    public static OcppAction<ChangeAvailabilityRequest, ChangeAvailabilityResponse> ChangeAvailability { get; } =
        new("ChangeAvailability", () => Json.ChangeAvailabilityRequest, () => Json.ChangeAvailabilityResponse);

    /// <summary>The <c>RequestStartTransaction</c> action.</summary>
    public static OcppAction<RequestStartTransactionRequest, RequestStartTransactionResponse> RequestStartTransaction { get; } =
        new("RequestStartTransaction", () => Json.RequestStartTransactionRequest, () => Json.RequestStartTransactionResponse);

    /// <summary>The <c>RequestStopTransaction</c> action.</summary>
    public static OcppAction<RequestStopTransactionRequest, RequestStopTransactionResponse> RequestStopTransaction { get; } =
        new("RequestStopTransaction", () => Json.RequestStopTransactionRequest, () => Json.RequestStopTransactionResponse);

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
        Entry(NotifyEvent),
        Entry(Authorize),
        Entry(TransactionEvent),
        Entry(MeterValues),
        Entry(NotifyReport),
        Entry(SecurityEventNotification),
        Entry(FirmwareStatusNotification),
        Entry(LogStatusNotification),
        Entry(DataTransfer),
        Entry(ReservationStatusUpdate),
        Entry(ReserveNow),
        Entry(CancelReservation),
        Entry(GetVariables),
        Entry(SetVariables),
        Entry(GetBaseReport),
        Entry(TriggerMessage),
        Entry(ChangeAvailability),
        Entry(RequestStartTransaction),
        Entry(RequestStopTransaction),
        Entry(Reset),
    ];

    private static (string Name, JsonTypeInfo Request, JsonTypeInfo Response) Entry<TRequest, TResponse>(
        OcppAction<TRequest, TResponse> action) => (action.Name, action.RequestType, action.ResponseType);
}
