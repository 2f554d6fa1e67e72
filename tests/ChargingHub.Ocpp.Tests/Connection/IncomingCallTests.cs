using System.Text.Json;
using ChargingHub.Ocpp.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ChargingHub.Ocpp.Tests.Connection;

public sealed class IncomingCallTests
{
    private const string BootNotification16 = """{"chargePointVendor":"VendorX","chargePointModel":"SingleSocketCharger"}""";

    [Fact]
    public async Task IncomingCall_HandlerReturnsTypedResult_AnswersCallResult()
    {
        var received = new TaskCompletionSource<(string Id, string Action, string Vendor)>();
        var handler = new DelegateHandler((call, _) =>
        {
            received.TrySetResult((call.MessageId, call.Action, call.Payload.GetProperty("chargePointVendor").GetString()!));
            var response = new BootNotificationResponse("Accepted", new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), 300);
            return ValueTask.FromResult(OcppResult.Ok(response, TestJsonContext.Default.BootNotificationResponse));
        });
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, handler);

        await harness.Peer.SendAsync($"""[2,"19223201","BootNotification",{BootNotification16}]""");
        var answer = await harness.Peer.ReceiveFrameAsync();

        Assert.Equal(("19223201", "BootNotification", "VendorX"), await received.Task);
        Assert.Equal(3, answer.GetArrayLength());
        Assert.Equal(3, answer[0].GetInt32());
        Assert.Equal("19223201", answer[1].GetString());
        Assert.Equal("Accepted", answer[2].GetProperty("status").GetString());
        Assert.Equal(300, answer[2].GetProperty("interval").GetInt32());
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task IncomingCall_UnknownAction_AnswersNotImplementedWithoutHandler(OcppVersion version)
    {
        var handler = DelegateHandler.Unused();
        await using var harness = await ConnectionHarness.StartAsync(version, handler);

        await harness.Peer.SendAsync("""[2,"m1","Teleport",{}]""");
        var answer = await harness.Peer.ReceiveFrameAsync();

        AssertCallError(answer, "m1", "NotImplemented");
        Assert.Equal(0, handler.CallCount);
    }

    [Theory]
    [InlineData(OcppVersion.V16, "BootNotification", """{"chargePointVendor":"VendorX"}""", "OccurenceConstraintViolation", "$.chargePointModel")]
    [InlineData(OcppVersion.V16, "BootNotification", """{"chargePointVendor":"VendorX","chargePointModel":"SingleSocketChargerWithAModelNameLongerThanFiftyChars"}""", "FormationViolation", "$.chargePointModel")]
    [InlineData(OcppVersion.V16, "StatusNotification", """{"connectorId":"one","errorCode":"NoError","status":"Available"}""", "TypeConstraintViolation", "$.connectorId")]
    [InlineData(OcppVersion.V16, "StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Asleep"}""", "PropertyConstraintViolation", "$.status")]
    [InlineData(OcppVersion.V16, "Heartbeat", """{"unexpected":true}""", "PropertyConstraintViolation", "$.unexpected")]
    [InlineData(OcppVersion.V201, "BootNotification", """{"reason":"PowerUp","chargingStation":{"vendorName":"VendorX"}}""", "OccurrenceConstraintViolation", "$.chargingStation.model")]
    [InlineData(OcppVersion.V201, "StatusNotification", """{"timestamp":"2026-01-01 12:00","connectorStatus":"Available","evseId":1,"connectorId":1}""", "FormatViolation", "$.timestamp")]
    [InlineData(OcppVersion.V201, "GetVariables", """{"getVariableData":[]}""", "OccurrenceConstraintViolation", "$.getVariableData")]
    public async Task IncomingCall_InvalidPayload_AnswersMappedCodeWithoutHandler(OcppVersion version, string action, string payload, string wireCode, string path)
    {
        var handler = DelegateHandler.Unused();
        await using var harness = await ConnectionHarness.StartAsync(version, handler);

        await harness.Peer.SendAsync($"""[2,"m1","{action}",{payload}]""");
        var answer = await harness.Peer.ReceiveFrameAsync();

        AssertCallError(answer, "m1", wireCode);
        Assert.Contains(path, answer[3].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, handler.CallCount);
    }

    [Fact]
    public async Task IncomingCall_HandlerThrowsOcppException_AnswersItsCode()
    {
        var handler = new DelegateHandler((_, _) => throw new OcppException(RpcErrorCode.SecurityError, "Charger is not accepted yet."));
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V201, handler);

        await harness.Peer.SendAsync("""[2,"m1","Heartbeat",{}]""");
        var answer = await harness.Peer.ReceiveFrameAsync();

        AssertCallError(answer, "m1", "SecurityError");
        Assert.Equal("Charger is not accepted yet.", answer[3].GetString());
    }

    [Theory]
    [InlineData(OcppVersion.V16, "OccurenceConstraintViolation")]
    [InlineData(OcppVersion.V201, "OccurrenceConstraintViolation")]
    public async Task IncomingCall_HandlerReturnsError_AnswersVersionSpelling(OcppVersion version, string wireCode)
    {
        var handler = new DelegateHandler((_, _) => ValueTask.FromResult(OcppResult.Error(RpcErrorCode.OccurrenceConstraintViolation, "Too many.")));
        await using var harness = await ConnectionHarness.StartAsync(version, handler);

        await harness.Peer.SendAsync("""[2,"m1","Heartbeat",{}]""");

        AssertCallError(await harness.Peer.ReceiveFrameAsync(), "m1", wireCode);
    }

    [Fact]
    public async Task IncomingCall_HandlerThrowsOtherException_AnswersInternalErrorWithoutDetails()
    {
        var handler = new DelegateHandler(async (_, _) =>
        {
            await Task.Yield();
            throw new InvalidOperationException("connection string Password=hunter2");
        });
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, handler);

        await harness.Peer.SendAsync("""[2,"m1","Heartbeat",{}]""");
        var answer = await harness.Peer.ReceiveFrameAsync();

        AssertCallError(answer, "m1", "InternalError");
        Assert.DoesNotContain("hunter2", answer.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(harness.Logger.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task IncomingCall_HandlerResponseBreaksSchema_AnswersInternalErrorAndLogs()
    {
        var handler = DelegateHandler.Returning("""{"currentTime":"noon"}""");
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, handler);

        await harness.Peer.SendAsync("""[2,"m1","Heartbeat",{}]""");
        var answer = await harness.Peer.ReceiveFrameAsync();

        AssertCallError(answer, "m1", "InternalError");
        Assert.Contains(harness.Logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("$.currentTime", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(OcppVersion.V16, "ProtocolError")]
    [InlineData(OcppVersion.V201, "RpcFrameworkError")]
    public async Task IncomingCall_IdStillBeingHandled_RefusesDuplicateAndAnswersOriginal(OcppVersion version, string wireCode)
    {
        var release = new TaskCompletionSource();
        var handler = new DelegateHandler(async (call, _) =>
        {
            await release.Task;
            return OcppResult.Ok(JsonDocument.Parse("""{"currentTime":"2026-01-01T12:00:00Z"}""").RootElement);
        });
        await using var harness = await ConnectionHarness.StartAsync(version, handler);

        await harness.Peer.SendAsync("""[2,"same","Heartbeat",{}]""");
        await Eventually.TrueAsync(() => handler.CallCount == 1, "The first call never reached the handler.");
        await harness.Peer.SendAsync("""[2,"same","Heartbeat",{}]""");
        var refusal = await harness.Peer.ReceiveFrameAsync();
        release.SetResult();
        var answer = await harness.Peer.ReceiveFrameAsync();

        AssertCallError(refusal, "same", wireCode);
        Assert.Equal(3, answer[0].GetInt32());
        Assert.Equal("same", answer[1].GetString());
        Assert.Equal(1, handler.CallCount);

        // Once answered, the id may be used again.
        await harness.Peer.SendAsync("""[2,"same","Heartbeat",{}]""");
        Assert.Equal(3, (await harness.Peer.ReceiveFrameAsync())[0].GetInt32());
    }

    [Fact]
    public async Task IncomingCall_SlowHandler_DoesNotBlockOtherCalls()
    {
        var release = new TaskCompletionSource();
        var handler = new DelegateHandler(async (call, _) =>
        {
            if (call.MessageId == "slow")
            {
                await release.Task;
            }

            return OcppResult.Ok(JsonDocument.Parse("""{"currentTime":"2026-01-01T12:00:00Z"}""").RootElement);
        });
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, handler);

        await harness.Peer.SendAsync("""[2,"slow","Heartbeat",{}]""");
        await harness.Peer.SendAsync("""[2,"fast","Heartbeat",{}]""");
        var first = await harness.Peer.ReceiveFrameAsync();
        release.SetResult();
        var second = await harness.Peer.ReceiveFrameAsync();

        Assert.Equal("fast", first[1].GetString());
        Assert.Equal("slow", second[1].GetString());
    }

    [Fact]
    public async Task IncomingCall_ValidationOff_HandlerSeesAnyAction()
    {
        var handler = DelegateHandler.Returning("""{"vendorSpecific":true}""");
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, handler, options => options.ValidateIncoming = false);

        await harness.Peer.SendAsync("""[2,"m1","VendorAction",{"x":1}]""");
        var answer = await harness.Peer.ReceiveFrameAsync();

        Assert.Equal(3, answer[0].GetInt32());
        Assert.True(answer[2].GetProperty("vendorSpecific").GetBoolean());
    }

    [Fact]
    public async Task IncomingCall_ConnectionClosing_CancelsHandlerToken()
    {
        var cancelled = new TaskCompletionSource();
        var handler = new DelegateHandler(async (_, ct) =>
        {
            ct.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, ct);
            return OcppResult.Error(RpcErrorCode.GenericError, "unreachable");
        });
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, handler);

        await harness.Peer.SendAsync("""[2,"m1","Heartbeat",{}]""");
        await Eventually.TrueAsync(() => handler.CallCount == 1, "The call never reached the handler.");
        harness.Peer.Socket.Abort();

        await cancelled.Task.WaitAsync(RawPeer.Patience);
        await harness.Run.WaitAsync(RawPeer.Patience);
    }

    private static void AssertCallError(JsonElement frame, string messageId, string wireCode)
    {
        Assert.Equal(5, frame.GetArrayLength());
        Assert.Equal(4, frame[0].GetInt32());
        Assert.Equal(messageId, frame[1].GetString());
        Assert.Equal(wireCode, frame[2].GetString());
        Assert.Equal(JsonValueKind.String, frame[3].ValueKind);
        Assert.Equal(JsonValueKind.Object, frame[4].ValueKind);
    }
}
