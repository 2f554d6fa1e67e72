using System.Text.Json;
using System.Text.Json.Serialization;
using ChargingHub.Ocpp;

namespace ChargingHub.Simulator;

/// <summary>How the simulated charger answers the hub's calls.</summary>
public sealed partial class SimulatedCharger
{
    public async ValueTask<OcppResult> HandleAsync(OcppIncomingCall call, CancellationToken ct)
    {
        var payload = call.Payload.Clone();
        Received.Add(new ReceivedCall(call.Action, payload));
        if (Unresponsive && call.Action is "ReserveNow" or "CancelReservation")
        {
            await Task.Delay(Timeout.Infinite, ct);
        }

        return call.Action switch
        {
            "ReserveNow" => await ReserveNowAsync(payload),
            "CancelReservation" => CancelReservation(payload),
            "GetConfiguration" => Answer(new
            {
                configurationKey = new object[]
                {
                    new { key = "SupportedFeatureProfiles", @readonly = true, value = Options.SupportsReservations ? "Core,RemoteTrigger,Reservation" : "Core,RemoteTrigger" },
                    new { key = "ReserveConnectorZeroSupported", @readonly = true, value = Options.AnyConnectorReservations ? "true" : "false" },
                },
            }),
            "GetVariables" => GetVariables(payload),
            "TriggerMessage" => Trigger(payload),
            "ChangeAvailability" or "Reset" or "RemoteStartTransaction" or "RemoteStopTransaction"
                or "RequestStartTransaction" or "RequestStopTransaction" or "ChangeConfiguration" or "GetBaseReport" => Answer(new { status = "Accepted" }),
            _ => throw new OcppException(RpcErrorCode.NotImplemented, $"The simulator does not implement {call.Action}."),
        };
    }

    private async Task<OcppResult> ReserveNowAsync(JsonElement request)
    {
        if (!Options.SupportsReservations)
        {
            throw new OcppException(RpcErrorCode.NotSupported, "This charger has no reservation support.");
        }

        if (HoldReserveNowUntil is { } hold)
        {
            await hold;
        }

        var reservation = Version == OcppVersion.V16
            ? new HeldReservation(
                request.GetProperty("reservationId").GetInt32(),
                request.GetProperty("connectorId").GetInt32(),
                request.GetProperty("idTag").GetString()!,
                request.TryGetProperty("parentIdTag", out var parent) ? parent.GetString() : null,
                request.GetProperty("expiryDate").GetDateTimeOffset(),
                null)
            : new HeldReservation(
                request.GetProperty("id").GetInt32(),
                request.TryGetProperty("evseId", out var evse) ? evse.GetInt32() : 0,
                request.GetProperty("idToken").GetProperty("idToken").GetString()!,
                request.TryGetProperty("groupIdToken", out var group) ? group.GetProperty("idToken").GetString() : null,
                request.GetProperty("expiryDateTime").GetDateTimeOffset(),
                request.TryGetProperty("connectorType", out var type) ? type.GetString() : null);

        var status = ReserveNowAnswer ?? DecideReservation(reservation);
        if (status == "Accepted")
        {
            _reservations[reservation.ReservationId] = reservation;
            if (reservation.ConnectorId > 0 && ReportsReservedStatus)
            {
                Later(() => SendStatusAsync(reservation.ConnectorId, "Reserved"));
            }
        }

        return Answer(new { status });
    }

    /// <summary>What a charger decides by itself: the connector must exist and be Available (or already hold this id).</summary>
    private string DecideReservation(HeldReservation reservation)
    {
        if (reservation.ConnectorId == 0)
        {
            if (!Options.AnyConnectorReservations)
            {
                return "Rejected";
            }

            var free = _connectorStatus.Count(c => c.Value == "Available");
            var held = _reservations.Values.Count(r => r.ConnectorId == 0 && r.ReservationId != reservation.ReservationId);
            return free > held ? "Accepted" : "Occupied";
        }

        if (!_connectorStatus.TryGetValue(reservation.ConnectorId, out var status))
        {
            return "Rejected";
        }

        var replacing = _reservations.TryGetValue(reservation.ReservationId, out var existing) && existing.ConnectorId == reservation.ConnectorId;
        return status switch
        {
            "Available" => "Accepted",
            "Reserved" when replacing => "Accepted",
            "Faulted" => "Faulted",
            "Unavailable" => "Unavailable",
            _ => "Occupied",
        };
    }

    private OcppResult CancelReservation(JsonElement request)
    {
        var id = request.GetProperty("reservationId").GetInt32();
        var held = _reservations.TryRemove(id, out var reservation);
        var status = CancelReservationAnswer ?? (held ? "Accepted" : "Rejected");
        if (held && reservation!.ConnectorId > 0 && ReportsReservedStatus)
        {
            Later(() => SendStatusAsync(reservation.ConnectorId, "Available"));
        }

        return Answer(new { status });
    }

    private OcppResult GetVariables(JsonElement request)
    {
        var results = new List<object>();
        foreach (var item in request.GetProperty("getVariableData").EnumerateArray())
        {
            var component = item.GetProperty("component").GetProperty("name").GetString();
            var variable = item.GetProperty("variable").GetProperty("name").GetString();
            string? value = (component, variable) switch
            {
                ("ReservationCtrlr", "Enabled") => Options.SupportsReservations ? "true" : "false",
                ("ReservationCtrlr", "NonEvseSpecific") => Options.AnyConnectorReservations ? "true" : "false",
                ("ReservationCtrlr", "Available") => Options.SupportsReservations ? "true" : "false",
                _ => null,
            };
            results.Add(value is null
                ? new { attributeStatus = "UnknownComponent", component = new { name = component }, variable = new { name = variable } }
                : new { attributeStatus = "Accepted", attributeValue = value, component = new { name = component }, variable = new { name = variable } });
        }

        return Answer(new { getVariableResult = results });
    }

    private OcppResult Trigger(JsonElement request)
    {
        switch (request.GetProperty("requestedMessage").GetString())
        {
            case "StatusNotification":
                Later(ReportAllStatusesAsync);
                break;
            case "BootNotification":
                Later(() => BootAsync());
                break;
            case "Heartbeat":
                Later(HeartbeatAsync);
                break;
        }

        return Answer(new { status = "Accepted" });
    }

    private static OcppResult Answer<T>(T payload) => OcppResult.Ok(JsonSerializer.SerializeToElement(payload, SimulatorJson.Options));

    private sealed record StartTransaction16(int ConnectorId, string IdTag, int MeterStart, int? ReservationId, string Timestamp);

    private sealed record StopTransaction16(int TransactionId, int MeterStop, string Timestamp, string? IdTag, string Reason);

    private sealed record TransactionEvent201(
        string EventType, string Timestamp, string TriggerReason, int SeqNo, TransactionInfo201 TransactionInfo,
        Evse201 Evse, IdToken201? IdToken, int? ReservationId);

    private sealed record TransactionInfo201(string TransactionId, string? ChargingState, string? StoppedReason);

    private sealed record Evse201(int Id, int ConnectorId);

    private sealed record IdToken201(string IdToken, string Type);
}

/// <summary>JSON settings of the simulator's hand-built payloads: camelCase, nulls left out.</summary>
internal static class SimulatorJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
