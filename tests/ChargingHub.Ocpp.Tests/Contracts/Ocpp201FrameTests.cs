using System.Text.Json;
using ChargingHub.Ocpp.V201;

namespace ChargingHub.Ocpp.Tests.Contracts;

/// <summary>
/// Hand-written frames shaped like a 2.0.1 charging station's (millisecond UTC timestamps, UUID
/// transaction ids, vendor <c>customData</c> the hub ignores), deserialized into the 2.0.1 contracts.
/// </summary>
public sealed class Ocpp201FrameTests
{
    private const string TransactionStartedFrame =
        """
        [2,"a1f3c0de-5d7e-4b8a-9f0e-2c1b7d9e4a11","TransactionEvent",{"eventType":"Started","timestamp":"2026-03-14T08:15:02.118Z",
        "triggerReason":"Authorized","seqNo":0,"offline":false,"reservationId":42,
        "transactionInfo":{"transactionId":"b6d5e0f2-3a9c-4f41-8e2d-7c0a1b2c3d4e","chargingState":"EVConnected","remoteStartId":77},
        "evse":{"id":1,"connectorId":1},"idToken":{"idToken":"04A2B3C4D5E680","type":"ISO14443"},
        "meterValue":[{"timestamp":"2026-03-14T08:15:02.118Z","sampledValue":[{"value":15230.5,"context":"Transaction.Begin",
        "measurand":"Energy.Active.Import.Register","location":"Outlet","unitOfMeasure":{"unit":"Wh","multiplier":0}}]}],
        "customData":{"vendorId":"com.example.charger","firmwareBuild":"7.1.2-rc4"}}]
        """;

    private const string AvailabilityStateEventFrame =
        """
        [2,"5f0d6c2e-9b1a-4e7c-8d3f-1a2b3c4d5e6f","NotifyEvent",{"generatedAt":"2026-03-14T08:14:55.402Z","seqNo":0,"tbc":false,
        "eventData":[{"eventId":1017,"timestamp":"2026-03-14T08:14:55.401Z","trigger":"Delta","actualValue":"Occupied",
        "component":{"name":"Connector","evse":{"id":1,"connectorId":1}},"variable":{"name":"AvailabilityState"},
        "eventNotificationType":"HardWiredNotification"}]}]
        """;

    private const string BootNotificationFrame =
        """
        [2,"0f8c4b1e-7d21-4a55-b3b0-96d2e1a0c7f4","BootNotification",{"reason":"PowerUp",
        "chargingStation":{"model":"Eve Double Pro","vendorName":"Alfen BV","serialNumber":"ACE0123456","firmwareVersion":"7.1.2",
        "modem":{"iccid":"8931088620105234567","imsi":"204080123456789"}}}]
        """;

    private const string ReservationExpiredFrame =
        """[2,"c0ffee00-0000-4000-8000-000000000042","ReservationStatusUpdate",{"reservationId":42,"reservationUpdateStatus":"Expired"}]""";

    [Fact]
    public async Task Deserialize_TransactionEventStartedWithReservation_ReadsEveryField()
    {
        var request = JsonSerializer.Deserialize(Ocpp16FrameTests.Payload(TransactionStartedFrame), Ocpp201JsonContext.Default.TransactionEventRequest)!;

        Assert.Equal(TransactionEventEnumType.Started, request.EventType);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 8, 15, 2, 118, TimeSpan.Zero), request.Timestamp);
        Assert.Equal(TriggerReasonEnumType.Authorized, request.TriggerReason);
        Assert.Equal(0, request.SeqNo);
        Assert.False(request.Offline);
        Assert.Equal(42, request.ReservationId);
        Assert.Equal("b6d5e0f2-3a9c-4f41-8e2d-7c0a1b2c3d4e", request.TransactionInfo.TransactionId);
        Assert.Equal(ChargingStateEnumType.EVConnected, request.TransactionInfo.ChargingState);
        Assert.Equal(77, request.TransactionInfo.RemoteStartId);
        Assert.Null(request.TransactionInfo.StoppedReason);
        Assert.Equal(new EVSEType { Id = 1, ConnectorId = 1 }, request.Evse);
        Assert.Equal("04A2B3C4D5E680", request.IdToken!.IdToken);
        Assert.Equal(IdTokenEnumType.ISO14443, request.IdToken.Type);
        var sample = Assert.Single(Assert.Single(request.MeterValue!).SampledValue);
        Assert.Equal(15230.5m, sample.Value);
        Assert.Equal("Transaction.Begin", sample.Context);
        Assert.Equal("Energy.Active.Import.Register", sample.Measurand);
        Assert.Equal(new UnitOfMeasureType { Unit = "Wh", Multiplier = 0 }, sample.UnitOfMeasure);
        await Ocpp16FrameTests.AssertReserializesValidAsync(request, Ocpp201JsonContext.Default.TransactionEventRequest, OfficialSchemas.V201Request("TransactionEvent"));
    }

    [Fact]
    public async Task Deserialize_NotifyEventWithAvailabilityState_ReadsConnectorAndValue()
    {
        var request = JsonSerializer.Deserialize(Ocpp16FrameTests.Payload(AvailabilityStateEventFrame), Ocpp201JsonContext.Default.NotifyEventRequest)!;

        Assert.Equal(new DateTimeOffset(2026, 3, 14, 8, 14, 55, 402, TimeSpan.Zero), request.GeneratedAt);
        Assert.Equal(0, request.SeqNo);
        Assert.False(request.Tbc);
        var data = Assert.Single(request.EventData);
        Assert.Equal(1017, data.EventId);
        Assert.Equal(EventTriggerEnumType.Delta, data.Trigger);
        Assert.Equal("Occupied", data.ActualValue);
        Assert.Equal("Connector", data.Component.Name);
        Assert.Equal(new EVSEType { Id = 1, ConnectorId = 1 }, data.Component.Evse);
        Assert.Equal("AvailabilityState", data.Variable.Name);
        Assert.Null(data.Variable.Instance);
        Assert.Equal(EventNotificationEnumType.HardWiredNotification, data.EventNotificationType);
        Assert.Null(data.Cause);
        Assert.Null(data.Cleared);
        await Ocpp16FrameTests.AssertReserializesValidAsync(request, Ocpp201JsonContext.Default.NotifyEventRequest, OfficialSchemas.V201Request("NotifyEvent"));
    }

    [Fact]
    public async Task Deserialize_BootNotificationWithModem_ReadsStation()
    {
        var request = JsonSerializer.Deserialize(Ocpp16FrameTests.Payload(BootNotificationFrame), Ocpp201JsonContext.Default.BootNotificationRequest)!;

        Assert.Equal(BootReasonEnumType.PowerUp, request.Reason);
        Assert.Equal("Eve Double Pro", request.ChargingStation.Model);
        Assert.Equal("Alfen BV", request.ChargingStation.VendorName);
        Assert.Equal("ACE0123456", request.ChargingStation.SerialNumber);
        Assert.Equal("7.1.2", request.ChargingStation.FirmwareVersion);
        Assert.Equal(new ModemType { Iccid = "8931088620105234567", Imsi = "204080123456789" }, request.ChargingStation.Modem);
        await Ocpp16FrameTests.AssertReserializesValidAsync(request, Ocpp201JsonContext.Default.BootNotificationRequest, OfficialSchemas.V201Request("BootNotification"));
    }

    [Fact]
    public void Deserialize_ReservationStatusUpdate_ReadsExpired()
    {
        var request = JsonSerializer.Deserialize(Ocpp16FrameTests.Payload(ReservationExpiredFrame), Ocpp201JsonContext.Default.ReservationStatusUpdateRequest)!;

        Assert.Equal(42, request.ReservationId);
        Assert.Equal(ReservationUpdateStatusEnumType.Expired, request.ReservationUpdateStatus);
    }

    [Fact]
    public void Serialize_TransactionEventStarted_OmitsCustomData()
    {
        var request = JsonSerializer.Deserialize(Ocpp16FrameTests.Payload(TransactionStartedFrame), Ocpp201JsonContext.Default.TransactionEventRequest)!;

        var json = JsonSerializer.Serialize(request, Ocpp201JsonContext.Default.TransactionEventRequest);

        Assert.DoesNotContain("customData", json, StringComparison.Ordinal);
        Assert.Contains("\"evse\":{\"id\":1,\"connectorId\":1}", json, StringComparison.Ordinal);
        Assert.Contains("\"idToken\":{\"idToken\":\"04A2B3C4D5E680\",\"type\":\"ISO14443\"}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnknownEnumValue_Throws()
    {
        const string Unknown = """{"reservationId":42,"reservationUpdateStatus":"Cancelled"}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(Unknown, Ocpp201JsonContext.Default.ReservationStatusUpdateRequest));
    }
}
