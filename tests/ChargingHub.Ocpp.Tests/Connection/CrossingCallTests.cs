using System.Text.Json;
using ChargingHub.Ocpp.Tests.Support;
using ChargingHub.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargingHub.Ocpp.Tests.Connection;

/// <summary>Two <see cref="OcppRpcConnection"/>s talking to each other, as the hub and a simulated charger do.</summary>
public sealed class CrossingCallTests
{
    [Fact]
    public async Task CallAsync_HandlerCallsBackDuringCall_BothCallsComplete()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        OcppRpcConnection? hub = null;
        var hubHandler = new DelegateHandler(async (call, ct) =>
        {
            // Before answering the boot, the hub asks the charger to start a transaction: its
            // answer must arrive through the receive loop while this handler is still running.
            var started = await hub!.CallAsync(TestActions.RemoteStartTransaction, new RemoteStartTransactionRequest("TAG1"), ct);
            var response = new BootNotificationResponse(started.Status, new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), 60);
            return OcppResult.Ok(response, TestJsonContext.Default.BootNotificationResponse);
        });
        var chargerHandler = new DelegateHandler((call, _) =>
        {
            Assert.Equal("RemoteStartTransaction", call.Action);
            Assert.Equal("TAG1", call.Payload.GetProperty("idTag").GetString());
            return ValueTask.FromResult(OcppResult.Ok(new RemoteStartTransactionResponse("Accepted"), TestJsonContext.Default.RemoteStartTransactionResponse));
        });
        await using var _ = hub = new OcppRpcConnection(pair.Server, OcppVersion.V16, hubHandler, new OcppRpcOptions(), new ManualTimeProvider(), NullLogger.Instance);
        await using var charger = new OcppRpcConnection(pair.Client, OcppVersion.V16, chargerHandler, new OcppRpcOptions(), new ManualTimeProvider(), NullLogger.Instance);
        var runs = new[] { hub.RunAsync(CancellationToken.None), charger.RunAsync(CancellationToken.None) };

        var boot = await charger.CallAsync(TestActions.BootNotification, new BootNotificationRequest("VendorX", "SingleSocketCharger"), CancellationToken.None)
            .WaitAsync(RawPeer.Patience);

        Assert.Equal("Accepted", boot.Status);
        Assert.Equal(60, boot.Interval);
        Assert.Equal(1, chargerHandler.CallCount);
    }

    [Fact]
    public async Task CallAsync_BothSidesCallAtOnce_CallsCrossAndComplete()
    {
        await using var pair = await WebSocketPair.CreateAsync(OcppVersion.V201);
        var bothInside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inside = 0;
        async ValueTask<OcppResult> Handle(OcppIncomingCall call, CancellationToken ct)
        {
            // Neither side answers until both have received the other's CALL.
            if (Interlocked.Increment(ref inside) == 2)
            {
                bothInside.SetResult();
            }

            await bothInside.Task.WaitAsync(ct);
            using var response = JsonDocument.Parse("""{"currentTime":"2026-01-01T12:00:00Z"}""");
            return OcppResult.Ok(response.RootElement);
        }

        await using var left = new OcppRpcConnection(pair.Server, OcppVersion.V201, new DelegateHandler(Handle), new OcppRpcOptions(), new ManualTimeProvider(), NullLogger.Instance);
        await using var right = new OcppRpcConnection(pair.Client, OcppVersion.V201, new DelegateHandler(Handle), new OcppRpcOptions(), new ManualTimeProvider(), NullLogger.Instance);
        _ = left.RunAsync(CancellationToken.None);
        _ = right.RunAsync(CancellationToken.None);

        var fromLeft = left.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None);
        var fromRight = right.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None);

        await Task.WhenAll(fromLeft, fromRight).WaitAsync(RawPeer.Patience);
        Assert.Equal(2, Volatile.Read(ref inside));
    }

    [Fact]
    public async Task CallAsync_ManyConcurrentCallsBothWays_AllAnsweredCorrectly()
    {
        await using var pair = await WebSocketPair.CreateAsync(OcppVersion.V16);
        var echo = new DelegateHandler((call, _) =>
            ValueTask.FromResult(OcppResult.Ok(new RemoteStartTransactionResponse(call.Payload.GetProperty("idTag").GetString()!), TestJsonContext.Default.RemoteStartTransactionResponse)));
        var options = new OcppRpcOptions { ValidateIncoming = false, ValidateOutgoing = false };
        await using var left = new OcppRpcConnection(pair.Server, OcppVersion.V16, echo, options, new ManualTimeProvider(), NullLogger.Instance);
        await using var right = new OcppRpcConnection(pair.Client, OcppVersion.V16, echo, options, new ManualTimeProvider(), NullLogger.Instance);
        _ = left.RunAsync(CancellationToken.None);
        _ = right.RunAsync(CancellationToken.None);

        var calls = Enumerable.Range(0, 200).Select(async i =>
        {
            var from = i % 2 == 0 ? left : right;
            var tag = "T" + i;
            var result = await from.CallAsync(TestActions.RemoteStartTransaction, new RemoteStartTransactionRequest(tag), CancellationToken.None);
            Assert.Equal(tag, result.Status);
        });

        await Task.WhenAll(calls).WaitAsync(RawPeer.Patience);
        Assert.Equal(200, echo.CallCount);
    }
}
