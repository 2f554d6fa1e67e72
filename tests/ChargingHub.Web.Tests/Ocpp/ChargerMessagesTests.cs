using System.Text.Json;
using ChargingHub.Ocpp;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Ocpp;

/// <summary>Every message a charger may send (docs/ocpp.md, "What the hub handles") gets a schema-valid CALLRESULT.</summary>
public sealed class ChargerMessagesTests(AcceptingHubFixture fixture) : IClassFixture<AcceptingHubFixture>
{
    private HubTestHost Hub => fixture.Hub;

    public static TheoryData<OcppVersion, string> Messages { get; } = new()
    {
        { OcppVersion.V16, "BootNotification" },
        { OcppVersion.V16, "Heartbeat" },
        { OcppVersion.V16, "StatusNotification" },
        { OcppVersion.V16, "Authorize" },
        { OcppVersion.V16, "StartTransaction" },
        { OcppVersion.V16, "StopTransaction" },
        { OcppVersion.V16, "MeterValues" },
        { OcppVersion.V16, "DataTransfer" },
        { OcppVersion.V16, "DiagnosticsStatusNotification" },
        { OcppVersion.V16, "FirmwareStatusNotification" },
        { OcppVersion.V201, "BootNotification" },
        { OcppVersion.V201, "Heartbeat" },
        { OcppVersion.V201, "StatusNotification" },
        { OcppVersion.V201, "NotifyEvent" },
        { OcppVersion.V201, "Authorize" },
        { OcppVersion.V201, "TransactionEvent" },
        { OcppVersion.V201, "MeterValues" },
        { OcppVersion.V201, "NotifyReport" },
        { OcppVersion.V201, "SecurityEventNotification" },
        { OcppVersion.V201, "FirmwareStatusNotification" },
        { OcppVersion.V201, "LogStatusNotification" },
        { OcppVersion.V201, "DataTransfer" },
        { OcppVersion.V201, "ReservationStatusUpdate" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public async Task Message_ValidFromAcceptedCharger_GetsSchemaValidCallResult(OcppVersion version, string action)
    {
        await using var client = await Hub.ConnectClientAsync(OcppTesting.NewChargerId(), version);
        Assert.Equal("Accepted", await client.BootAsync());
        var payload = ValidPayload(version, action);
        Assert.Null(OcppSchemaValidator.Default.Validate(version, action, OcppPayloadKind.Request, JsonSerializer.SerializeToElement(payload)));

        var reply = await client.CallAsync(action, payload);

        Assert.True(reply[0].GetInt32() == 3, $"{action}: {reply.GetRawText()}");
        var violation = OcppSchemaValidator.Default.Validate(version, action, OcppPayloadKind.Response, reply[2]);
        Assert.True(violation is null, $"{action} answer {reply[2].GetRawText()}: {violation?.Message}");
    }

    /// <summary>A valid request of each action, as a charger in the field would send it.</summary>
    public static object ValidPayload(OcppVersion version, string action)
    {
        var now = OcppTesting.Now();
        if (version == OcppVersion.V16)
        {
            return action switch
            {
                "BootNotification" => new { chargePointVendor = "Vendor", chargePointModel = "Model", firmwareVersion = "1.0" },
                "Heartbeat" => new { },
                "StatusNotification" => new { connectorId = 1, errorCode = "NoError", status = "Available", timestamp = now },
                "Authorize" => new { idTag = "MSG-TAG" },
                "StartTransaction" => new { connectorId = 1, idTag = "MSG-TAG", meterStart = 0, timestamp = now },
                "StopTransaction" => new { transactionId = 4242, meterStop = 100, timestamp = now, idTag = "MSG-TAG", reason = "Local" },
                "MeterValues" => new
                {
                    connectorId = 1,
                    transactionId = 4242,
                    meterValue = new[] { new { timestamp = now, sampledValue = new[] { new { value = "100", measurand = "Energy.Active.Import.Register", unit = "Wh" } } } },
                },
                "DataTransfer" => new { vendorId = "com.example", messageId = "hello", data = "world" },
                "DiagnosticsStatusNotification" => new { status = "Idle" },
                "FirmwareStatusNotification" => new { status = "Idle" },
                _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
            };
        }

        var evse = new { id = 1, connectorId = 1 };
        return action switch
        {
            "BootNotification" => new { reason = "PowerUp", chargingStation = new { vendorName = "Vendor", model = "Model" } },
            "Heartbeat" => new { },
            "StatusNotification" => new { timestamp = now, connectorStatus = "Available", evseId = 1, connectorId = 1 },
            "NotifyEvent" => new
            {
                generatedAt = now,
                seqNo = 0,
                eventData = new[]
                {
                    new
                    {
                        eventId = 1, timestamp = now, trigger = "Delta", actualValue = "Available", eventNotificationType = "HardWiredNotification",
                        component = new { name = "Connector", evse }, variable = new { name = "AvailabilityState" },
                    },
                },
            },
            "Authorize" => new { idToken = new { idToken = "MSG-TAG", type = "ISO14443" } },
            "TransactionEvent" => new
            {
                eventType = "Started", timestamp = now, triggerReason = "Authorized", seqNo = 0,
                transactionInfo = new { transactionId = Guid.NewGuid().ToString("N")[..20] },
                idToken = new { idToken = "MSG-TAG", type = "ISO14443" }, evse,
            },
            "MeterValues" => new { evseId = 1, meterValue = new[] { new { timestamp = now, sampledValue = new[] { new { value = 100.0 } } } } },
            "NotifyReport" => new
            {
                requestId = 1,
                generatedAt = now,
                seqNo = 0,
                reportData = new[]
                {
                    new { component = new { name = "Connector", evse }, variable = new { name = "ConnectorType" }, variableAttribute = new[] { new { value = "cType2" } } },
                },
            },
            "SecurityEventNotification" => new { type = "StartupOfTheDevice", timestamp = now },
            "FirmwareStatusNotification" => new { status = "Idle" },
            "LogStatusNotification" => new { status = "Idle" },
            "DataTransfer" => new { vendorId = "com.example", messageId = "hello", data = "world" },
            "ReservationStatusUpdate" => new { reservationId = 987654, reservationUpdateStatus = "Expired" },
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }
}
