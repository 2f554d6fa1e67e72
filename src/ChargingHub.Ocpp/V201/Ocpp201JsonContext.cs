using System.Text.Json.Serialization;
using ChargingHub.Ocpp.V16;

namespace ChargingHub.Ocpp.V201;

/// <summary>
/// Source-generated serialization for the OCPP 2.0.1 messages: camelCase names, enums by their
/// specification spelling, absent optional fields omitted, RFC 3339 date-times.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    Converters = [typeof(Rfc3339DateTimeOffsetConverter)])]
[JsonSerializable(typeof(BootNotificationRequest))]
[JsonSerializable(typeof(BootNotificationResponse))]
[JsonSerializable(typeof(HeartbeatRequest))]
[JsonSerializable(typeof(HeartbeatResponse))]
[JsonSerializable(typeof(StatusNotificationRequest))]
[JsonSerializable(typeof(StatusNotificationResponse))]
[JsonSerializable(typeof(NotifyEventRequest))]
[JsonSerializable(typeof(NotifyEventResponse))]
[JsonSerializable(typeof(AuthorizeRequest))]
[JsonSerializable(typeof(AuthorizeResponse))]
[JsonSerializable(typeof(TransactionEventRequest))]
[JsonSerializable(typeof(TransactionEventResponse))]
[JsonSerializable(typeof(MeterValuesRequest))]
[JsonSerializable(typeof(MeterValuesResponse))]
[JsonSerializable(typeof(NotifyReportRequest))]
[JsonSerializable(typeof(NotifyReportResponse))]
[JsonSerializable(typeof(SecurityEventNotificationRequest))]
[JsonSerializable(typeof(SecurityEventNotificationResponse))]
[JsonSerializable(typeof(FirmwareStatusNotificationRequest))]
[JsonSerializable(typeof(FirmwareStatusNotificationResponse))]
[JsonSerializable(typeof(LogStatusNotificationRequest))]
[JsonSerializable(typeof(LogStatusNotificationResponse))]
[JsonSerializable(typeof(DataTransferRequest))]
[JsonSerializable(typeof(DataTransferResponse))]
[JsonSerializable(typeof(ReservationStatusUpdateRequest))]
[JsonSerializable(typeof(ReservationStatusUpdateResponse))]
[JsonSerializable(typeof(ReserveNowRequest))]
[JsonSerializable(typeof(ReserveNowResponse))]
[JsonSerializable(typeof(CancelReservationRequest))]
[JsonSerializable(typeof(CancelReservationResponse))]
[JsonSerializable(typeof(GetVariablesRequest))]
[JsonSerializable(typeof(GetVariablesResponse))]
[JsonSerializable(typeof(SetVariablesRequest))]
[JsonSerializable(typeof(SetVariablesResponse))]
[JsonSerializable(typeof(GetBaseReportRequest))]
[JsonSerializable(typeof(GetBaseReportResponse))]
[JsonSerializable(typeof(TriggerMessageRequest))]
[JsonSerializable(typeof(TriggerMessageResponse))]
[JsonSerializable(typeof(ChangeAvailabilityRequest))]
[JsonSerializable(typeof(ChangeAvailabilityResponse))]
[JsonSerializable(typeof(RequestStartTransactionRequest))]
[JsonSerializable(typeof(RequestStartTransactionResponse))]
[JsonSerializable(typeof(RequestStopTransactionRequest))]
[JsonSerializable(typeof(RequestStopTransactionResponse))]
[JsonSerializable(typeof(ResetRequest))]
[JsonSerializable(typeof(ResetResponse))]
public sealed partial class Ocpp201JsonContext : JsonSerializerContext;
