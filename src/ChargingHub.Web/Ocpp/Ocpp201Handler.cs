using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Reservations;
using ChargingHub.Domain.Tokens;
using ChargingHub.Domain.Transactions;
using ChargingHub.Ocpp;
using ChargingHub.Ocpp.V201;

namespace ChargingHub.Web.Ocpp;

/// <summary>Answers the calls of one OCPP 2.0.1 charging station. Each action is one translation into a domain call and back.</summary>
public sealed class Ocpp201Handler(ChargerSession session, OcppHubServices hub) : ChargerCallHandler(session, hub)
{
    private static Ocpp201JsonContext Json => Ocpp201JsonContext.Default;

    // B02: a station in Pending may only boot; the spec names SecurityError for anything else.
    protected override OcppException NotAccepted() =>
        new(RpcErrorCode.SecurityError, "This charging station is not accepted yet: an admin must approve it.");

    protected override async ValueTask<OcppResult> BootAsync(OcppIncomingCall call, CancellationToken ct) =>
        OcppResult.Ok(await BootAsync(call.Read(Json.BootNotificationRequest), ct), Json.BootNotificationResponse);

    protected override async ValueTask<OcppResult> DispatchAsync(OcppIncomingCall call, CancellationToken ct)
    {
        return call.Action switch
        {
            "Heartbeat" => OcppResult.Ok(new HeartbeatResponse { CurrentTime = Hub.Time.GetUtcNow() }, Json.HeartbeatResponse),
            "StatusNotification" => OcppResult.Ok(await StatusAsync(call.Read(Json.StatusNotificationRequest), ct), Json.StatusNotificationResponse),
            "NotifyEvent" => OcppResult.Ok(await NotifyEventAsync(call.Read(Json.NotifyEventRequest), ct), Json.NotifyEventResponse),
            "NotifyReport" => OcppResult.Ok(await NotifyReportAsync(call.Read(Json.NotifyReportRequest), ct), Json.NotifyReportResponse),
            "Authorize" => OcppResult.Ok(await AuthorizeAsync(call.Read(Json.AuthorizeRequest), ct), Json.AuthorizeResponse),
            "TransactionEvent" => OcppResult.Ok(await TransactionEventAsync(call.Read(Json.TransactionEventRequest), ct), Json.TransactionEventResponse),
            "ReservationStatusUpdate" => OcppResult.Ok(await ReservationStatusUpdateAsync(call.Read(Json.ReservationStatusUpdateRequest), ct), Json.ReservationStatusUpdateResponse),
            "MeterValues" => OcppResult.Ok(new MeterValuesResponse(), Json.MeterValuesResponse),
            "SecurityEventNotification" => OcppResult.Ok(new SecurityEventNotificationResponse(), Json.SecurityEventNotificationResponse),
            "FirmwareStatusNotification" => OcppResult.Ok(new FirmwareStatusNotificationResponse(), Json.FirmwareStatusNotificationResponse),
            "LogStatusNotification" => OcppResult.Ok(new LogStatusNotificationResponse(), Json.LogStatusNotificationResponse),
            "DataTransfer" => OcppResult.Ok(new DataTransferResponse { Status = DataTransferStatusEnumType.UnknownVendorId }, Json.DataTransferResponse),
            _ => throw new OcppException(RpcErrorCode.NotImplemented, $"The hub does not handle {call.Action}."),
        };
    }

    private async Task<BootNotificationResponse> BootAsync(BootNotificationRequest boot, CancellationToken ct)
    {
        var station = boot.ChargingStation;
        var accepted = await RegisterBootAsync(new BootInfo(station.VendorName, station.Model, station.SerialNumber, station.FirmwareVersion), ct);
        return new BootNotificationResponse
        {
            Status = accepted ? RegistrationStatusEnumType.Accepted : RegistrationStatusEnumType.Pending,
            CurrentTime = Hub.Time.GetUtcNow(),
            Interval = IntervalFor(accepted),
        };
    }

    private async Task<StatusNotificationResponse> StatusAsync(StatusNotificationRequest status, CancellationToken ct)
    {
        await Hub.Chargers.OnConnectorStatusAsync(ChargerId, status.EvseId, status.ConnectorStatus.ToString(), null, ct);
        return new StatusNotificationResponse();
    }

    /// <summary>The non-deprecated way to report connector status: Connector.AvailabilityState events (G01 / H01 S2).</summary>
    private async Task<NotifyEventResponse> NotifyEventAsync(NotifyEventRequest notify, CancellationToken ct)
    {
        foreach (var data in notify.EventData)
        {
            if (data.Component.Name == "Connector" && data.Variable.Name == "AvailabilityState" && data.Component.Evse is { } evse)
            {
                await Hub.Chargers.OnConnectorStatusAsync(ChargerId, evse.Id, data.ActualValue, null, ct);
            }
        }

        return new NotifyEventResponse();
    }

    /// <summary>Learns connector types and reservation support from the device-model report.</summary>
    private async Task<NotifyReportResponse> NotifyReportAsync(NotifyReportRequest report, CancellationToken ct)
    {
        foreach (var data in report.ReportData ?? [])
        {
            var actual = data.VariableAttribute.FirstOrDefault(a => a.Type is null or AttributeEnumType.Actual)?.Value;
            if (actual is null)
            {
                continue;
            }

            if (data.Component.Name == "Connector" && data.Component.Evse is { } evse)
            {
                if (data.Variable.Name == "ConnectorType")
                {
                    await Hub.Chargers.OnConnectorTypeAsync(ChargerId, evse.Id, actual, ct);
                }
                else if (data.Variable.Name == "AvailabilityState")
                {
                    await Hub.Chargers.OnConnectorStatusAsync(ChargerId, evse.Id, actual, null, ct);
                }
            }
        }

        return new NotifyReportResponse();
    }

    private async Task<AuthorizeResponse> AuthorizeAsync(AuthorizeRequest request, CancellationToken ct)
    {
        var decision = await Hub.Authorizer.AuthorizeAsync(ChargerId, null, request.IdToken.IdToken, ct);
        return new AuthorizeResponse { IdTokenInfo = ToIdTokenInfo(decision) };
    }

    private async Task<TransactionEventResponse> TransactionEventAsync(TransactionEventRequest tx, CancellationToken ct)
    {
        var id = tx.TransactionInfo.TransactionId;
        var known = await Hub.Transactions.GetAsync(ChargerId, id, ct);
        var evseId = tx.Evse?.Id ?? known?.ConnectorId ?? 0;
        var idTag = tx.IdToken?.IdToken;
        var decision = idTag is null ? null : await Hub.Authorizer.AuthorizeAsync(ChargerId, evseId, idTag, ct);

        // Retries reuse the seqNo: apply each event once, but answer every copy the same way.
        if (known is null || tx.SeqNo > known.LastSeqNo)
        {
            var transaction = (known ?? new Transaction { ChargerId = ChargerId, TransactionId = id, StartedAt = tx.Timestamp }) with
            {
                ConnectorId = evseId,
                IdTag = idTag ?? known?.IdTag,
                ReservationId = tx.ReservationId ?? known?.ReservationId,
                LastSeqNo = tx.SeqNo,
            };
            if (tx.EventType == TransactionEventEnumType.Ended)
            {
                transaction = transaction with { StoppedAt = tx.Timestamp, StopReason = tx.TransactionInfo.StoppedReason?.ToString() ?? "Local" };
            }

            await Hub.Transactions.SaveAsync(transaction, ct);

            // H01.FR.15 / H03.FR.09: the reservation is consumed when its id (or, for firmware that omits it, its token)
            // shows up in a transaction, whether at Started or in a later Updated (cable plugged in first).
            if (tx.ReservationId is not null || decision?.IsAccepted == true)
            {
                await Hub.Reservations.OnTransactionStartedAsync(ChargerId, evseId, idTag, decision?.ParentIdTag, tx.ReservationId, ct);
            }
        }

        return new TransactionEventResponse { IdTokenInfo = decision is null ? null : ToIdTokenInfo(decision) };
    }

    private async Task<ReservationStatusUpdateResponse> ReservationStatusUpdateAsync(ReservationStatusUpdateRequest update, CancellationToken ct)
    {
        var ended = update.ReservationUpdateStatus == ReservationUpdateStatusEnumType.Expired
            ? ChargerReservationUpdate.Expired
            : ChargerReservationUpdate.Removed;
        await Hub.Reservations.OnChargerEndedReservationAsync(ChargerId, update.ReservationId, ended, ct);
        return new ReservationStatusUpdateResponse();
    }

    private static IdTokenInfoType ToIdTokenInfo(AuthorizationDecision decision) => new()
    {
        Status = decision.Verdict switch
        {
            AuthorizationVerdict.Accepted => AuthorizationStatusEnumType.Accepted,
            AuthorizationVerdict.Blocked => AuthorizationStatusEnumType.Blocked,
            AuthorizationVerdict.ReservedForSomeoneElse => AuthorizationStatusEnumType.NotAtThisTime,
            _ => AuthorizationStatusEnumType.Invalid,
        },
        GroupIdToken = decision.ParentIdTag is null ? null : new IdTokenType { IdToken = decision.ParentIdTag, Type = IdTokenEnumType.Central },
    };
}
