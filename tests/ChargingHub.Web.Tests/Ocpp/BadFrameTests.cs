using System.Net.WebSockets;
using System.Text.Json;
using ChargingHub.Ocpp;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Ocpp;

public sealed class BadFrameTests(AcceptingHubFixture fixture) : IClassFixture<AcceptingHubFixture>
{
    private HubTestHost Hub => fixture.Hub;

    public static TheoryData<OcppVersion, string, string> UnreadableFrames { get; } = new()
    {
        { OcppVersion.V16, "this is not json", "FormationViolation" },
        { OcppVersion.V16, "{\"not\":\"an array\"}", "FormationViolation" },
        { OcppVersion.V16, "[2, 17, \"Heartbeat\", {}]", "FormationViolation" },
        { OcppVersion.V16, "[]", "FormationViolation" },
        { OcppVersion.V16, "[9]", "FormationViolation" },
        { OcppVersion.V16, "[2, \"unterminated", "FormationViolation" },
        { OcppVersion.V201, "this is not json", "RpcFrameworkError" },
        { OcppVersion.V201, "{\"not\":\"an array\"}", "RpcFrameworkError" },
        { OcppVersion.V201, "[2, 17, \"Heartbeat\", {}]", "RpcFrameworkError" },
        { OcppVersion.V201, "[]", "RpcFrameworkError" },
        { OcppVersion.V201, "[9]", "RpcFrameworkError" },
        { OcppVersion.V201, "[2, \"unterminated", "RpcFrameworkError" },
    };

    [Theory]
    [MemberData(nameof(UnreadableFrames))]
    public async Task Frame_WithoutReadableMessageId_IsAnsweredWithMinusOneAndTheVersionsCode(OcppVersion version, string frame, string expectedCode)
    {
        await using var client = await Hub.ConnectClientAsync(OcppTesting.NewChargerId(), version);

        await client.SendTextAsync(frame);

        var reply = await client.WaitForReplyAsync("-1");
        AssertCallError(reply, "-1", expectedCode);
        Assert.Equal(3, (await client.CallAsync("Heartbeat", new { }))[0].GetInt32()); // the connection is still usable
    }

    [Theory]
    [InlineData(OcppVersion.V16, "FormationViolation")]
    [InlineData(OcppVersion.V201, "MessageTypeNotSupported")]
    public async Task Frame_WithUnknownMessageType_IsAnsweredUnderItsOwnId(OcppVersion version, string expectedCode)
    {
        await using var client = await Hub.ConnectClientAsync(OcppTesting.NewChargerId(), version);

        await client.SendTextAsync("[7, \"m-7\", \"Heartbeat\", {}]");

        AssertCallError(await client.WaitForReplyAsync("m-7"), "m-7", expectedCode);
    }

    [Theory]
    [InlineData(OcppVersion.V16, "[2, \"m-p\", \"Heartbeat\", []]", "FormationViolation")]
    [InlineData(OcppVersion.V201, "[2, \"m-p\", \"Heartbeat\", []]", "FormatViolation")]
    [InlineData(OcppVersion.V16, "[2, \"m-p\", \"Heartbeat\"]", "FormationViolation")]
    [InlineData(OcppVersion.V201, "[2, \"m-p\", \"Heartbeat\"]", "RpcFrameworkError")]
    public async Task Call_WithMalformedShape_IsAnsweredUnderItsOwnId(OcppVersion version, string frame, string expectedCode)
    {
        await using var client = await Hub.ConnectClientAsync(OcppTesting.NewChargerId(), version);

        await client.SendTextAsync(frame);

        AssertCallError(await client.WaitForReplyAsync("m-p"), "m-p", expectedCode);
    }

    [Theory]
    [InlineData(OcppVersion.V16, "UnlockConnector", "{\"connectorId\":1}")] // a hub-to-charger action: valid, but not one the hub answers
    [InlineData(OcppVersion.V16, "FlyToTheMoon", "{}")]
    [InlineData(OcppVersion.V201, "RequestStartTransaction", "{\"remoteStartId\":1,\"idToken\":{\"idToken\":\"T\",\"type\":\"Central\"}}")]
    [InlineData(OcppVersion.V201, "FlyToTheMoon", "{}")]
    public async Task Call_WithActionTheHubDoesNotHandle_IsAnsweredNotImplemented(OcppVersion version, string action, string payload)
    {
        await using var client = await Hub.ConnectClientAsync(OcppTesting.NewChargerId(), version);

        await client.SendTextAsync($"[2, \"m-a\", \"{action}\", {payload}]");

        AssertCallError(await client.WaitForReplyAsync("m-a"), "m-a", "NotImplemented");
    }

    public static TheoryData<OcppVersion, string, string, string> SchemaViolations { get; } = new()
    {
        // missing required property
        { OcppVersion.V16, "BootNotification", "{\"chargePointVendor\":\"V\"}", "OccurenceConstraintViolation" },
        { OcppVersion.V201, "BootNotification", "{\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"}}", "OccurrenceConstraintViolation" },
        // wrong type
        { OcppVersion.V16, "StatusNotification", "{\"connectorId\":\"1\",\"errorCode\":\"NoError\",\"status\":\"Available\"}", "TypeConstraintViolation" },
        { OcppVersion.V201, "Heartbeat", "{\"customData\":{\"vendorId\":5}}", "TypeConstraintViolation" },
        // value outside the enumeration
        { OcppVersion.V16, "StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Sleeping\"}", "PropertyConstraintViolation" },
        { OcppVersion.V201, "BootNotification", "{\"reason\":\"Bored\",\"chargingStation\":{\"model\":\"M\",\"vendorName\":\"V\"}}", "PropertyConstraintViolation" },
        // property the schema does not allow
        { OcppVersion.V16, "Heartbeat", "{\"extra\":1}", "PropertyConstraintViolation" },
        // string too long
        { OcppVersion.V16, "Authorize", "{\"idTag\":\"" + new string('t', 21) + "\"}", "FormationViolation" },
        { OcppVersion.V201, "BootNotification", "{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"" + new string('m', 21) + "\",\"vendorName\":\"V\"}}", "FormatViolation" },
    };

    [Theory]
    [MemberData(nameof(SchemaViolations))]
    public async Task Call_WithPayloadBreakingTheSchema_IsAnsweredWithTheConstraintCode(OcppVersion version, string action, string payload, string expectedCode)
    {
        await using var client = await Hub.ConnectClientAsync(OcppTesting.NewChargerId(), version);

        await client.SendTextAsync($"[2, \"m-s\", \"{action}\", {payload}]");

        AssertCallError(await client.WaitForReplyAsync("m-s"), "m-s", expectedCode);
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Frames_RepeatedlyBad_CloseThatConnectionWith1002AndLeaveOthersAlone(OcppVersion version)
    {
        await using var bystander = await Hub.ConnectClientAsync(OcppTesting.NewChargerId(), version);
        Assert.Equal("Accepted", await bystander.BootAsync());
        await using var offender = await Hub.ConnectClientAsync(OcppTesting.NewChargerId(), version);

        for (var i = 0; i < 10 && offender.Socket.State == WebSocketState.Open; i++)
        {
            await offender.SendTextAsync("garbage " + i);
        }

        Assert.Equal(WebSocketCloseStatus.ProtocolError, await offender.WaitForCloseAsync());
        var errors = offender.Frames.Where(f => f[0].GetInt32() == 4).ToList();
        Assert.InRange(errors.Count, 1, 10);
        Assert.All(errors, f => Assert.Equal("-1", f[1].GetString()));
        Assert.Equal(3, (await bystander.CallAsync("Heartbeat", new { }))[0].GetInt32());
        Assert.Equal(WebSocketState.Open, bystander.Socket.State);
    }

    private static void AssertCallError(JsonElement reply, string messageId, string expectedCode)
    {
        Assert.Equal(JsonValueKind.Array, reply.ValueKind);
        Assert.True(reply.GetArrayLength() == 5, reply.GetRawText());
        Assert.Equal(4, reply[0].GetInt32());
        Assert.Equal(messageId, reply[1].GetString());
        Assert.True(reply[2].GetString() == expectedCode, $"expected {expectedCode}: {reply.GetRawText()}");
        Assert.Equal(JsonValueKind.String, reply[3].ValueKind);
        Assert.Equal(JsonValueKind.Object, reply[4].ValueKind);
    }
}
