using System.Net.WebSockets;
using System.Text;
using ChargingHub.Ocpp.Tests.Support;
using ChargingHub.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargingHub.Ocpp.Tests.Connection;

public sealed class LifecycleTests
{
    [Fact]
    public async Task RunAsync_PeerDisconnects_FailsEveryPendingCallAtOnce()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused());
        var calls = Enumerable.Range(0, 3)
            .Select(_ => harness.Connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None))
            .ToList();
        await harness.Peer.ReceiveFrameAsync();

        harness.Peer.Socket.Abort();
        await harness.Run.WaitAsync(RawPeer.Patience);

        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<OcppConnectionClosedException>(() => call.WaitAsync(RawPeer.Patience));
        }

        Assert.Equal(0, harness.Connection.PendingCallCount);
        Assert.True(harness.Connection.Completion.IsCompleted);

        // Task.WaitAsync disposes its timeout timer just after it completes the waiting task.
        await Eventually.TrueAsync(() => harness.Time.ActiveTimerCount == 0, "A call timeout timer was left behind.");
    }

    [Fact]
    public async Task CallAsync_AfterConnectionEnded_FailsImmediately()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused());
        harness.Peer.Socket.Abort();
        await harness.Run.WaitAsync(RawPeer.Patience);

        await Assert.ThrowsAsync<OcppConnectionClosedException>(
            () => harness.Connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_PeerClosesGracefully_EchoesCloseAndReturns()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V201, DelegateHandler.Unused());

        await harness.Peer.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).WaitAsync(RawPeer.Patience);
        await harness.Run.WaitAsync(RawPeer.Patience);

        Assert.Equal(WebSocketState.Closed, harness.Peer.Socket.State);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, harness.Peer.Socket.CloseStatus);
    }

    [Fact]
    public async Task CloseAsync_PeerAnswers_ClosesGracefullyAndFailsPending()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused());
        var call = harness.Connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None);
        await harness.Peer.ReceiveFrameAsync();

        var closing = harness.Connection.CloseAsync(WebSocketCloseStatus.PolicyViolation, "Unknown charger", CancellationToken.None);
        var close = await harness.Peer.ReceiveAsync();
        await harness.Peer.Socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, null, CancellationToken.None);
        await closing.WaitAsync(RawPeer.Patience);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
        Assert.Equal("Unknown charger", harness.Peer.Socket.CloseStatusDescription);
        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => call);
        Assert.True(harness.Run.IsCompleted);
    }

    [Fact]
    public async Task CloseAsync_PeerNeverAnswers_AbortsAfterHandshakeTimeout()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused());

        var closing = harness.Connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Close, (await harness.Peer.ReceiveAsync()).Type);
        await Eventually.TrueAsync(() => harness.Time.ActiveTimerCount == 1, "No close timer was armed.");
        Assert.False(closing.IsCompleted);
        harness.Time.Advance(TimeSpan.FromSeconds(5));

        await closing.WaitAsync(RawPeer.Patience);
        await harness.Run.WaitAsync(RawPeer.Patience);
        Assert.Equal(0, harness.Time.ActiveTimerCount);
    }

    [Fact]
    public async Task RunAsync_TokenCancelled_ReturnsAndFailsPending()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        await using var connection = new OcppRpcConnection(pair.Server, OcppVersion.V16, DelegateHandler.Unused(), new OcppRpcOptions(), new ManualTimeProvider(), NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = connection.RunAsync(stop.Token);
        var call = connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None);
        await new RawPeer(pair.Client).ReceiveFrameAsync();

        await stop.CancelAsync();

        await run.WaitAsync(RawPeer.Patience);
        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => call);
    }

    [Fact]
    public async Task RunAsync_CalledTwice_Throws()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused());

        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Connection.RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DisposeAsync_WithPendingCall_FailsIt()
    {
        await using var pair = await WebSocketPair.CreateAsync();
        var connection = new OcppRpcConnection(pair.Server, OcppVersion.V16, DelegateHandler.Unused(), new OcppRpcOptions(), new ManualTimeProvider(), NullLogger.Instance);
        var run = connection.RunAsync(CancellationToken.None);
        var call = connection.CallAsync(TestActions.Heartbeat, new HeartbeatRequest(), CancellationToken.None);
        await new RawPeer(pair.Client).ReceiveFrameAsync();

        await connection.DisposeAsync();

        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => call);
        await run.WaitAsync(RawPeer.Patience);
    }

    [Fact]
    public async Task RunAsync_WithObserver_ReportsReceivedAndSentFrames()
    {
        var observer = new RecordingObserver();
        var handler = DelegateHandler.Returning("""{"currentTime":"2026-01-01T12:00:00Z"}""");
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, handler, options => options.Observer = observer);

        await harness.Peer.SendAsync("""[2,"o1","Heartbeat",{}]""");
        await harness.Peer.ReceiveFrameAsync();
        await harness.Peer.SendAsync("not json");
        await harness.Peer.ReceiveFrameAsync();

        Assert.Equal(
            [
                (OcppFrameDirection.Received, """[2,"o1","Heartbeat",{}]"""),
                (OcppFrameDirection.Sent, """[3,"o1",{"currentTime":"2026-01-01T12:00:00Z"}]"""),
                (OcppFrameDirection.Received, "not json"),
            ],
            observer.Frames.Take(3));
        Assert.Equal(OcppFrameDirection.Sent, observer.Frames[3].Direction);
        Assert.StartsWith("""[4,"-1","FormationViolation",""", observer.Frames[3].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        var socket = WebSocket.CreateFromStream(new MemoryStream(), new WebSocketCreationOptions());

        Assert.Throws<ArgumentOutOfRangeException>(() => Create(socket, new OcppRpcOptions { MaxBadFrames = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(socket, new OcppRpcOptions { CallTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Create(socket, new OcppRpcOptions { MaxMessageBytes = 10 }));

        static OcppRpcConnection Create(WebSocket socket, OcppRpcOptions options) =>
            new(socket, OcppVersion.V16, DelegateHandler.Unused(), options, TimeProvider.System, NullLogger.Instance);
    }

    private sealed class RecordingObserver : IOcppFrameObserver
    {
        private readonly Lock _gate = new();

        public List<(OcppFrameDirection Direction, string Text)> Frames { get; } = [];

        public void OnFrame(OcppFrameDirection direction, ReadOnlySpan<byte> utf8Frame)
        {
            lock (_gate)
            {
                Frames.Add((direction, Encoding.UTF8.GetString(utf8Frame)));
            }
        }
    }
}
