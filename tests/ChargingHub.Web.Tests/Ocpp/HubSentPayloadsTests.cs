using System.Net;
using System.Text.Json;
using ChargingHub.Ocpp;
using ChargingHub.Simulator;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Ocpp;

/// <summary>
/// Records every frame the hub sends to a charger during a scenario that makes it use each of its calls, and checks
/// each payload against the official schemas with NJsonSchema (not with the hub's own validator).
/// </summary>
public sealed class HubSentPayloadsTests(PendingHubFixture fixture) : IClassFixture<PendingHubFixture>
{
    private static readonly string[] ErrorCodes16 =
    [
        "NotImplemented", "NotSupported", "InternalError", "ProtocolError", "SecurityError", "FormationViolation", "FormatViolation",
        "PropertyConstraintViolation", "OccurenceConstraintViolation", "OccurrenceConstraintViolation", "TypeConstraintViolation", "GenericError",
    ];

    private static readonly string[] ErrorCodes201 =
    [
        "FormatViolation", "GenericError", "InternalError", "MessageTypeNotSupported", "NotImplemented", "NotSupported",
        "OccurrenceConstraintViolation", "PropertyConstraintViolation", "ProtocolError", "RpcFrameworkError", "SecurityError",
        "TypeConstraintViolation",
    ];

    private HubTestHost Hub => fixture.Hub;

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Scenario_EveryFrameTheHubSends_ValidatesAgainstTheOfficialSchemas(OcppVersion version)
    {
        var id = OcppTesting.NewChargerId("SCHEMA");
        var socket = new RecordingWebSocket(await Hub.ConnectRawAsync(id, [version.Subprotocol()]));
        await using (var charger = new SimulatedCharger(new SimulatorOptions { ChargerId = id, Version = version, Connectors = 2 }))
        {
            charger.Attach(socket);
            await RunScenarioAsync(charger, id, version);
        }

        var checkedCalls = new HashSet<string>(StringComparer.Ordinal);
        var checkedResults = new HashSet<string>(StringComparer.Ordinal);
        var errors = 0;
        var problems = new List<string>();
        var ourCalls = socket.Sent.Select(Parse).Where(f => f[0].GetInt32() == 2).ToDictionary(f => f[1].GetString()!, f => f[2].GetString()!);
        foreach (var text in socket.Received)
        {
            var frame = Parse(text);
            switch (frame[0].GetInt32())
            {
                case 2:
                    Assert.Equal(4, frame.GetArrayLength());
                    checkedCalls.Add(frame[2].GetString()!);
                    problems.AddRange(await OfficialSchemas.ValidateAsync(version, frame[2].GetString()!, OcppPayloadKind.Request, frame[3].GetRawText()));
                    break;
                case 3:
                    Assert.Equal(3, frame.GetArrayLength());
                    var action = ourCalls[frame[1].GetString()!];
                    checkedResults.Add(action);
                    problems.AddRange(await OfficialSchemas.ValidateAsync(version, action, OcppPayloadKind.Response, frame[2].GetRawText()));
                    break;
                case 4:
                    errors++;
                    Assert.Equal(5, frame.GetArrayLength());
                    Assert.Contains(frame[2].GetString(), version == OcppVersion.V16 ? ErrorCodes16 : ErrorCodes201);
                    Assert.Equal(JsonValueKind.String, frame[3].ValueKind);
                    Assert.Equal(JsonValueKind.Object, frame[4].ValueKind);
                    break;
                default:
                    Assert.Fail("The hub sent a frame of an unknown type: " + text);
                    break;
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Superset(
            new HashSet<string>(["ReserveNow", "CancelReservation", "TriggerMessage", version == OcppVersion.V16 ? "GetConfiguration" : "GetVariables"]),
            checkedCalls);
        Assert.Superset(
            new HashSet<string>(version == OcppVersion.V16
                ? ["BootNotification", "Heartbeat", "StatusNotification", "Authorize", "StartTransaction", "StopTransaction"]
                : ["BootNotification", "Heartbeat", "StatusNotification", "Authorize", "TransactionEvent"]),
            checkedResults);
        Assert.True(errors >= 2, $"expected the pending refusal and a NotImplemented, got {errors} CALLERRORs");
    }

    [Theory]
    [InlineData(OcppVersion.V16, "ReserveNow", OcppPayloadKind.Request,
        "{\"connectorId\":1,\"expiryDate\":\"2030-01-01T00:00:00Z\",\"idTag\":\"123456789012345678901\",\"reservationId\":1}")]
    [InlineData(OcppVersion.V16, "BootNotification", OcppPayloadKind.Request, "{\"chargePointVendor\":\"123456789012345678901\",\"chargePointModel\":\"M\"}")]
    [InlineData(OcppVersion.V16, "Heartbeat", OcppPayloadKind.Response, "{}")]
    [InlineData(OcppVersion.V201, "TriggerMessage", OcppPayloadKind.Request, "{\"requestedMessage\":\"Nope\"}")]
    [InlineData(OcppVersion.V201, "BootNotification", OcppPayloadKind.Response, "{\"currentTime\":\"yesterday\",\"interval\":300,\"status\":\"Accepted\"}")]
    public async Task OfficialSchemas_PayloadBreakingThem_AreReported(OcppVersion version, string action, OcppPayloadKind kind, string payload)
    {
        // Guards the check above against passing vacuously.
        Assert.NotEmpty(await OfficialSchemas.ValidateAsync(version, action, kind, payload));
    }

    private async Task RunScenarioAsync(SimulatedCharger charger, string id, OcppVersion version)
    {
        var api = Hub.CreateApiClient();
        Assert.Equal("Pending", await charger.BootAsync());
        await Assert.ThrowsAsync<OcppCallErrorException>(charger.HeartbeatAsync); // refused while pending

        Assert.Equal(HttpStatusCode.OK, (await api.PatchJsonAsync($"/api/chargers/{id}", new { approved = true })).StatusCode);
        var bootTrigger = await charger.Received.WaitForAsync("TriggerMessage");
        Assert.Equal("BootNotification", bootTrigger.Payload.GetProperty("requestedMessage").GetString());
        var statusTrigger = await charger.Received.WaitForAsync("TriggerMessage"); // after the accepted boot
        Assert.Equal("StatusNotification", statusTrigger.Payload.GetProperty("requestedMessage").GetString());
        await WaitForConnectorsAsync(api, id, 2);

        await charger.HeartbeatAsync();
        await charger.AuthorizeAsync("UNKNOWN-TAG");
        var (transactionId, _) = await charger.StartTransactionAsync(2, "UNKNOWN-TAG");
        await charger.StopTransactionAsync(transactionId, 2, "UNKNOWN-TAG");
        await Assert.ThrowsAsync<OcppCallErrorException>(() => charger.CallRawAsync("UnlockConnector",
            JsonSerializer.SerializeToElement(version == OcppVersion.V16 ? (object)new { connectorId = 1 } : new { evseId = 1, connectorId = 1 })));

        foreach (var connectorId in new[] { 1, 0 })
        {
            var reserved = await api.PostJsonAsync("/api/reservations", new
            {
                chargerId = id,
                connectorId,
                expiryDate = DateTimeOffset.UtcNow.AddMinutes(30).ToString("O"),
                idTag = "SCHEMA-TAG",
                parentIdTag = "SCHEMA-GROUP",
            });
            var body = await reserved.JsonAsync();
            Assert.True(reserved.StatusCode == HttpStatusCode.OK, body.GetRawText());
            Assert.Equal("Accepted", body.GetProperty("data").GetProperty("status").GetString());
            var reservationId = body.GetProperty("data").GetProperty("reservation").GetProperty("reservationId").GetInt32();

            var canceled = await api.PostJsonAsync($"/api/reservations/{reservationId}/cancel", new { chargerId = id });
            Assert.Equal(HttpStatusCode.OK, canceled.StatusCode);
            Assert.Equal("Accepted", (await canceled.JsonAsync()).GetProperty("data").GetProperty("status").GetString());
        }

        await charger.Received.WaitForAsync("CancelReservation");
        await charger.Received.WaitForAsync("CancelReservation");
        await charger.HeartbeatAsync(); // lets the charger's follow-up status reports get their answers first
    }

    private static async Task WaitForConnectorsAsync(HttpClient api, string id, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var charger = (await api.GetJsonAsync($"/api/chargers/{id}")).GetProperty("data");
            if (charger.GetProperty("connectors").GetArrayLength() >= count)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the charger's connectors never showed up: " + charger.GetRawText());
            await Task.Delay(50);
        }
    }

    private static JsonElement Parse(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
