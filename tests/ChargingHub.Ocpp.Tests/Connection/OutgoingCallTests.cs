using System.Text.Json;
using ChargingHub.Ocpp.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ChargingHub.Ocpp.Tests.Connection;

public sealed class OutgoingCallTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CallAsync_PeerAnswersCallResult_ReturnsTypedResponse()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused());

        var call = harness.Connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None);
        var frame = await harness.Peer.ReceiveFrameAsync();
        await harness.Peer.SendAsync($$"""[3,"{{frame[1].GetString()}}",{"currentTime":"2026-01-01T12:00:00Z"}]""");

        Assert.Equal(Noon, (await call).CurrentTime);
        Assert.Equal(4, frame.GetArrayLength());
        Assert.Equal(2, frame[0].GetInt32());
        Assert.Equal("Heartbeat", frame[2].GetString());
        Assert.Equal("{}", frame[3].GetRawText());
        Assert.InRange(frame[1].GetString()!.Length, 1, 36);
        Assert.Equal(0, harness.Connection.PendingCallCount);
    }

    [Fact]
    public async Task CallAsync_Untyped_ReturnsDetachedPayload()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V201, DelegateHandler.Unused());
        using var request = JsonDocument.Parse("""{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}""");

        var call = harness.Connection.CallAsync("BootNotification", request.RootElement, CancellationToken.None);
        var frame = await harness.Peer.ReceiveFrameAsync();
        await harness.Peer.SendAsync($$"""[3,"{{frame[1].GetString()}}",{"currentTime":"2026-01-01T12:00:00Z","interval":300,"status":"Accepted"}]""");
        var response = await call;
        await harness.Peer.SendAsync("""[2,"x","Heartbeat",{"overwrite":"the receive buffer"}]""");
        await harness.Peer.ReceiveFrameAsync();

        Assert.Equal(300, response.GetProperty("interval").GetInt32());
        Assert.Equal("PowerUp", frame[3].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task CallAsync_MessageIds_AreUniqueAndShort()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V201, DelegateHandler.Unused());
        var ids = new HashSet<string>();

        for (var i = 0; i < 20; i++)
        {
            var call = harness.Connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None);
            var id = (await harness.Peer.ReceiveFrameAsync())[1].GetString()!;
            await harness.Peer.SendAsync($$"""[3,"{{id}}",{"currentTime":"2026-01-01T12:00:00Z"}]""");
            await call;
            Assert.True(ids.Add(id));
            Assert.InRange(id.Length, 1, 36);
        }
    }

    [Theory]
    [InlineData(OcppVersion.V16, "OccurenceConstraintViolation", RpcErrorCode.OccurrenceConstraintViolation)]
    [InlineData(OcppVersion.V16, "FormationViolation", RpcErrorCode.FormatViolation)]
    [InlineData(OcppVersion.V201, "SecurityError", RpcErrorCode.SecurityError)]
    [InlineData(OcppVersion.V201, "VendorError", null)]
    public async Task CallAsync_PeerAnswersCallError_ThrowsCallErrorException(OcppVersion version, string wireCode, RpcErrorCode? code)
    {
        await using var harness = await ConnectionHarness.StartAsync(version, DelegateHandler.Unused());

        var call = harness.Connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None);
        var id = (await harness.Peer.ReceiveFrameAsync())[1].GetString();
        await harness.Peer.SendAsync($$"""[4,"{{id}}","{{wireCode}}","Not today",{"retry":false}]""");

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => call);
        Assert.Equal(wireCode, error.WireErrorCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal("Not today", error.ErrorDescription);
        Assert.Equal("Heartbeat", error.Action);
        Assert.False(error.ErrorDetails.GetProperty("retry").GetBoolean());
        Assert.Equal(0, harness.Connection.PendingCallCount);
    }

    [Fact]
    public async Task CallAsync_NoAnswer_TimesOutLeavingNothingPending()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused());

        var call = harness.Connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None);
        var id = (await harness.Peer.ReceiveFrameAsync())[1].GetString();
        await Eventually.TrueAsync(() => harness.Time.ActiveTimerCount == 1, "The call timeout was never armed.");
        harness.Time.Advance(TimeSpan.FromSeconds(14.9));
        Assert.False(call.IsCompleted);
        harness.Time.Advance(TimeSpan.FromSeconds(0.1));

        var timeout = await Assert.ThrowsAsync<OcppCallTimeoutException>(() => call);
        Assert.Equal(id, timeout.MessageId);
        Assert.Equal(TimeSpan.FromSeconds(15), timeout.Timeout);
        Assert.Equal(0, harness.Connection.PendingCallCount);
        Assert.Equal(0, harness.Time.ActiveTimerCount);

        // The late answer is ignored and the next call goes through.
        await harness.Peer.SendAsync($$"""[3,"{{id}}",{"currentTime":"2026-01-01T12:00:00Z"}]""");
        var next = harness.Connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None);
        var nextId = (await harness.Peer.ReceiveFrameAsync())[1].GetString();
        await harness.Peer.SendAsync($$"""[3,"{{nextId}}",{"currentTime":"2026-01-01T12:00:00Z"}]""");
        Assert.Equal(Noon, (await next).CurrentTime);
        Assert.Contains(harness.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(id!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CallAsync_WaitingForTurn_TimeoutClockStartsWhenSent()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused());

        var first = harness.Connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None);
        var firstId = (await harness.Peer.ReceiveFrameAsync())[1].GetString();
        var second = harness.Connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None);
        await Eventually.TrueAsync(() => harness.Time.ActiveTimerCount == 1, "The first call's timeout was never armed.");
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        await harness.Peer.SendAsync($$"""[3,"{{firstId}}",{"currentTime":"2026-01-01T12:00:00Z"}]""");
        await first;
        await harness.Peer.ReceiveFrameAsync();
        await Eventually.TrueAsync(() => harness.Time.ActiveTimerCount == 1, "The second call's timeout was never armed.");
        harness.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.False(second.IsCompleted);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<OcppCallTimeoutException>(() => second);
    }

    [Fact]
    public async Task CallAsync_ConcurrentCalls_SendsOneAtATimeInOrder()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused());
        var calls = new List<Task<HeartbeatResponse>>();
        for (var i = 0; i < 3; i++)
        {
            calls.Add(harness.Connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None));
            await Task.Delay(20); // a stable order of arrival at the gate
        }

        var seen = new List<string>();
        foreach (var _ in calls)
        {
            var id = (await harness.Peer.ReceiveFrameAsync())[1].GetString()!;
            seen.Add(id);
            Assert.False(await harness.Peer.ReceivesWithinAsync(TimeSpan.FromMilliseconds(150)), "A second CALL went out while one was in flight.");
            Assert.Equal(1, harness.Connection.PendingCallCount);
            await harness.Peer.SendAsync($$"""[3,"{{id}}",{"currentTime":"2026-01-01T12:00:0{{seen.Count}}Z"}]""");
        }

        var results = await Task.WhenAll(calls);
        Assert.Equal([1, 2, 3], results.Select(r => r.CurrentTime.Second));
        Assert.Equal(3, seen.Distinct().Count());
    }

    [Fact]
    public async Task CallAsync_CancelledWhileWaitingForTurn_IsNeverSent()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused());
        using var cancel = new CancellationTokenSource();

        var first = harness.Connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None);
        var firstId = (await harness.Peer.ReceiveFrameAsync())[1].GetString();
        var second = harness.Connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        await harness.Peer.SendAsync($$"""[3,"{{firstId}}",{"currentTime":"2026-01-01T12:00:00Z"}]""");
        await first;
        Assert.False(await harness.Peer.ReceivesWithinAsync(TimeSpan.FromMilliseconds(150)));
    }

    [Fact]
    public async Task CallAsync_InvalidRequest_RefusedWithoutSending()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused());
        var request = new BootNotificationRequest(new string('V', 51), "Model");

        var error = await Assert.ThrowsAsync<OcppException>(
            () => harness.Connection.CallAsync(TestActions.BootNotification, request, CancellationToken.None));

        Assert.Equal(RpcErrorCode.FormatViolation, error.Code);
        Assert.Contains("$.chargePointVendor", error.Message, StringComparison.Ordinal);
        Assert.False(await harness.Peer.ReceivesWithinAsync(TimeSpan.FromMilliseconds(150)));
        Assert.Equal(0, harness.Connection.PendingCallCount);
    }

    [Fact]
    public async Task CallAsync_ActionWithoutSchema_RefusedWithoutSending()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused());
        using var payload = JsonDocument.Parse("{}");

        var error = await Assert.ThrowsAsync<OcppException>(
            () => harness.Connection.CallAsync("Teleport", payload.RootElement, CancellationToken.None));

        Assert.Equal(RpcErrorCode.NotImplemented, error.Code);
        Assert.False(await harness.Peer.ReceivesWithinAsync(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task CallAsync_InvalidResponse_FailsNamingTheViolation()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused());

        var call = harness.Connection.CallAsync(TestActions.BootNotification, new BootNotificationRequest("V", "M"), CancellationToken.None);
        var id = (await harness.Peer.ReceiveFrameAsync())[1].GetString();
        await harness.Peer.SendAsync($$"""[3,"{{id}}",{"status":"Maybe","currentTime":"2026-01-01T12:00:00Z","interval":300}]""");

        var error = await Assert.ThrowsAsync<OcppException>(() => call);
        Assert.Equal(RpcErrorCode.PropertyConstraintViolation, error.Code);
        Assert.Contains("$.status", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Connection.PendingCallCount);
    }

    [Fact]
    public async Task CallAsync_ValidationOff_PassesInvalidPayloadsBothWays()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused(), options =>
        {
            options.ValidateIncoming = false;
            options.ValidateOutgoing = false;
        });

        var call = harness.Connection.CallAsync(TestActions.BootNotification, new BootNotificationRequest(new string('V', 60), "M"), CancellationToken.None);
        var id = (await harness.Peer.ReceiveFrameAsync())[1].GetString();
        await harness.Peer.SendAsync($$"""[3,"{{id}}",{"status":"Maybe","currentTime":"2026-01-01T12:00:00Z","interval":300,"extra":1}]""");

        Assert.Equal("Maybe", (await call).Status);
    }

    [Fact]
    public async Task CallAsync_MalformedAnswer_FailsThatCallAtOnce()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused());

        var call = harness.Connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None);
        var id = (await harness.Peer.ReceiveFrameAsync())[1].GetString();
        await harness.Peer.SendAsync($$"""[3,"{{id}}"]""");

        var error = await Assert.ThrowsAsync<OcppException>(() => call);
        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
        var reply = await harness.Peer.ReceiveFrameAsync();
        Assert.Equal(id, reply[1].GetString());
        Assert.Equal("FormationViolation", reply[2].GetString());
    }

    [Fact]
    public async Task CallAsync_UnknownAnswerId_IsLoggedAndIgnored()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V201, DelegateHandler.Unused());

        await harness.Peer.SendAsync("""[3,"nobody-asked",{"currentTime":"2026-01-01T12:00:00Z"}]""");
        await harness.Peer.SendAsync("""[4,"nobody-asked-either","GenericError","",{}]""");
        var call = harness.Connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None);
        var id = (await harness.Peer.ReceiveFrameAsync())[1].GetString();
        await harness.Peer.SendAsync($$"""[3,"{{id}}",{"currentTime":"2026-01-01T12:00:00Z"}]""");

        Assert.Equal(Noon, (await call).CurrentTime);
        Assert.Contains(harness.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("nobody-asked", StringComparison.Ordinal));
        Assert.Contains(harness.Logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("nobody-asked-either", StringComparison.Ordinal));
    }
}
