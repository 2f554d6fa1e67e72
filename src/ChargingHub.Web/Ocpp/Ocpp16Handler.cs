using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Tokens;
using ChargingHub.Domain.Transactions;
using ChargingHub.Ocpp;
using ChargingHub.Ocpp.V16;
using V16Registration = ChargingHub.Ocpp.V16.RegistrationStatus;

namespace ChargingHub.Web.Ocpp;

/// <summary>Answers the calls of one OCPP 1.6 charger. Each action is one translation into a domain call and back.</summary>
public sealed class Ocpp16Handler(ChargerSession session, OcppHubServices hub) : ChargerCallHandler(session, hub)
{
    private static Ocpp16JsonContext Json => Ocpp16JsonContext.Default;

    protected override OcppException NotAccepted() =>
        new(RpcErrorCode.GenericError, "This charger is not accepted yet: send BootNotification and wait for an admin to approve it.");

    protected override async ValueTask<OcppResult> BootAsync(OcppIncomingCall call, CancellationToken ct) =>
        OcppResult.Ok(await BootAsync(call.Read(Json.BootNotificationRequest), ct), Json.BootNotificationResponse);

    protected override async ValueTask<OcppResult> DispatchAsync(OcppIncomingCall call, CancellationToken ct)
    {
        return call.Action switch
        {
            "Heartbeat" => OcppResult.Ok(new HeartbeatResponse { CurrentTime = Hub.Time.GetUtcNow() }, Json.HeartbeatResponse),
            "StatusNotification" => OcppResult.Ok(await StatusAsync(call.Read(Json.StatusNotificationRequest), ct), Json.StatusNotificationResponse),
            "Authorize" => OcppResult.Ok(await AuthorizeAsync(call.Read(Json.AuthorizeRequest), ct), Json.AuthorizeResponse),
            "StartTransaction" => OcppResult.Ok(await StartAsync(call.Read(Json.StartTransactionRequest), ct), Json.StartTransactionResponse),
            "StopTransaction" => OcppResult.Ok(await StopAsync(call.Read(Json.StopTransactionRequest), ct), Json.StopTransactionResponse),
            "MeterValues" => OcppResult.Ok(new MeterValuesResponse(), Json.MeterValuesResponse),
            "DataTransfer" => OcppResult.Ok(new DataTransferResponse { Status = DataTransferStatus.UnknownVendorId }, Json.DataTransferResponse),
            "DiagnosticsStatusNotification" => OcppResult.Ok(new DiagnosticsStatusNotificationResponse(), Json.DiagnosticsStatusNotificationResponse),
            "FirmwareStatusNotification" => OcppResult.Ok(new FirmwareStatusNotificationResponse(), Json.FirmwareStatusNotificationResponse),
            _ => throw new OcppException(RpcErrorCode.NotImplemented, $"The hub does not handle {call.Action}."),
        };
    }

    private async Task<BootNotificationResponse> BootAsync(BootNotificationRequest boot, CancellationToken ct)
    {
        var accepted = await RegisterBootAsync(
            new BootInfo(boot.ChargePointVendor, boot.ChargePointModel, boot.ChargePointSerialNumber ?? boot.ChargeBoxSerialNumber, boot.FirmwareVersion), ct);
        return new BootNotificationResponse
        {
            Status = accepted ? V16Registration.Accepted : V16Registration.Pending,
            CurrentTime = Hub.Time.GetUtcNow(),
            Interval = IntervalFor(accepted),
        };
    }

    private async Task<StatusNotificationResponse> StatusAsync(StatusNotificationRequest status, CancellationToken ct)
    {
        await Hub.Chargers.OnConnectorStatusAsync(ChargerId, status.ConnectorId, status.Status.ToString(), null, ct);
        return new StatusNotificationResponse();
    }

    private async Task<AuthorizeResponse> AuthorizeAsync(AuthorizeRequest request, CancellationToken ct)
    {
        var decision = await Hub.Authorizer.AuthorizeAsync(ChargerId, null, request.IdTag, ct);
        return new AuthorizeResponse { IdTagInfo = ToIdTagInfo(decision) };
    }

    private async Task<StartTransactionResponse> StartAsync(StartTransactionRequest start, CancellationToken ct)
    {
        var decision = await Hub.Authorizer.AuthorizeAsync(ChargerId, start.ConnectorId, start.IdTag, ct);
        var transactionId = await Hub.Transactions.NextLocalIdAsync(ct);
        await Hub.Transactions.SaveAsync(new Transaction
        {
            ChargerId = ChargerId,
            TransactionId = transactionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConnectorId = start.ConnectorId,
            IdTag = start.IdTag,
            StartedAt = start.Timestamp,
            MeterStartWh = start.MeterStart,
            ReservationId = start.ReservationId,
        }, ct);
        if (decision.IsAccepted)
        {
            await Hub.Reservations.OnTransactionStartedAsync(ChargerId, start.ConnectorId, start.IdTag, decision.ParentIdTag, start.ReservationId, ct);
        }

        return new StartTransactionResponse { IdTagInfo = ToIdTagInfo(decision), TransactionId = transactionId };
    }

    private async Task<StopTransactionResponse> StopAsync(StopTransactionRequest stop, CancellationToken ct)
    {
        var id = stop.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var transaction = await Hub.Transactions.GetAsync(ChargerId, id, ct)
            ?? new Transaction { ChargerId = ChargerId, TransactionId = id, IdTag = stop.IdTag, StartedAt = stop.Timestamp };
        await Hub.Transactions.SaveAsync(transaction with
        {
            StoppedAt = stop.Timestamp,
            MeterStopWh = stop.MeterStop,
            StopReason = stop.Reason?.ToString() ?? "Local",
        }, ct);
        if (stop.IdTag is null)
        {
            return new StopTransactionResponse();
        }

        var decision = await Hub.Authorizer.AuthorizeAsync(ChargerId, null, stop.IdTag, ct);
        return new StopTransactionResponse { IdTagInfo = ToIdTagInfo(decision with { Verdict = decision.Verdict == AuthorizationVerdict.ReservedForSomeoneElse ? AuthorizationVerdict.Accepted : decision.Verdict }) };
    }

    /// <summary>1.6 has no "not on this connector" status; Invalid makes the charger refuse the start there.</summary>
    private static IdTagInfo ToIdTagInfo(AuthorizationDecision decision) => new()
    {
        Status = decision.Verdict switch
        {
            AuthorizationVerdict.Accepted => AuthorizationStatus.Accepted,
            AuthorizationVerdict.Blocked => AuthorizationStatus.Blocked,
            _ => AuthorizationStatus.Invalid,
        },
        ParentIdTag = decision.ParentIdTag,
    };
}
