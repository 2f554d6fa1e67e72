using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.WebSockets;
using ChargingHub.Ocpp;
using ChargingHub.Ocpp.V16;
using ChargingHub.Web.Ocpp;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargingHub.Benchmarks.Scenarios;

/// <summary>
/// An in-process look at the RPC core (ChargingHub.Ocpp), without Kestrel, sockets or the domain: WebSocket
/// pairs over in-memory pipes, the server side either a bare echo loop or an <see cref="OcppRpcConnection"/>.
/// The difference between the two is what the RPC core itself costs per connection (managed heap) and per
/// Heartbeat (bytes allocated, time). It is a diagnostic for the benchmarks above, not a target of its own.
/// </summary>
internal sealed class RpcCoreHarness : IBenchmark
{
    public string Name => "rpc-core";

    public string Description => "diagnostic: the OCPP RPC core in-process vs a bare WebSocket loop (heap per connection, allocations per Heartbeat)";

    public async Task<BenchReport> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var pairs = options.GetInt("connections", 2000);
        var messages = options.GetInt("messages", 100_000);
        var report = new BenchReport(Name, $"{pairs} idle WebSocket pairs over in-memory pipes; {messages:N0} sequential Heartbeats on one pair");

        foreach (var kind in new[] { ServerKind.Bare, ServerKind.Rpc, ServerKind.RpcWithoutValidation })
        {
            var perConnection = await HeapPerConnectionAsync(kind, pairs, ct);
            var (bytes, micros) = await PerMessageAsync(kind, messages, ct);
            var label = kind switch
            {
                ServerKind.Bare => "bare WebSocket loop",
                ServerKind.Rpc => "OcppRpcConnection",
                _ => "OcppRpcConnection, validation off",
            };
            report.Add($"{label}: heap per connection (both ends)", $"{kind}HeapBytes", perConnection, "B");
            report.Add($"{label}: allocated per Heartbeat round trip", $"{kind}AllocatedBytes", bytes, "B");
            report.Add($"{label}: time per round trip", $"{kind}Micros", micros, "µs", 1);
        }

        report.Note("both ends run in this process, so the client's share is in every figure; compare the rows, not the absolute values");
        return report;
    }

    private static async Task<double> HeapPerConnectionAsync(ServerKind kind, int count, CancellationToken ct)
    {
        var before = FullCollect();
        var pairs = new List<Pair>(count);
        for (var i = 0; i < count; i++)
        {
            pairs.Add(Pair.Create(kind));
        }

        // One exchange each, so every connection has been through its first message, as a booted charger has.
        foreach (var pair in pairs)
        {
            await pair.RoundTripAsync(ct);
        }

        await Task.Delay(200, ct);
        var after = FullCollect();
        foreach (var pair in pairs)
        {
            await pair.DisposeAsync();
        }

        return (after - before) / (double)count;
    }

    private static async Task<(double Bytes, double Micros)> PerMessageAsync(ServerKind kind, int messages, CancellationToken ct)
    {
        await using var pair = Pair.Create(kind);
        for (var i = 0; i < 10_000; i++)
        {
            await pair.RoundTripAsync(ct);
        }

        FullCollect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < messages; i++)
        {
            await pair.RoundTripAsync(ct);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        return ((GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)messages, elapsed.TotalMicroseconds / messages);
    }

    private static long FullCollect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    private enum ServerKind
    {
        Bare,
        Rpc,
        RpcWithoutValidation,
    }

    /// <summary>A client WebSocket and a server WebSocket joined by two in-memory pipes.</summary>
    private sealed class Pair : IAsyncDisposable
    {
        private static readonly byte[] Heartbeat = """[2,"1","Heartbeat",{}]"""u8.ToArray();

        private readonly WebSocket _client;
        private readonly WebSocket _server;
        private readonly OcppRpcConnection? _rpc;
        private readonly CancellationTokenSource _stop = new();
        private readonly byte[] _clientBuffer = new byte[256];
        private readonly Task _serving;

        private Pair(ServerKind kind)
        {
            var toServer = new Pipe();
            var toClient = new Pipe();
            _client = WebSocket.CreateFromStream(new DuplexPipeStream(new PipePair(toClient.Reader, toServer.Writer)), new WebSocketCreationOptions { IsServer = false });
            _server = WebSocket.CreateFromStream(new DuplexPipeStream(new PipePair(toServer.Reader, toClient.Writer)), new WebSocketCreationOptions
            {
                IsServer = true,
                KeepAliveInterval = TimeSpan.FromSeconds(30),
                KeepAliveTimeout = TimeSpan.FromSeconds(30),
            });
            if (kind == ServerKind.Bare)
            {
                _serving = EchoAsync(_server, _stop.Token);
            }
            else
            {
                var options = new OcppRpcOptions();
                if (kind == ServerKind.RpcWithoutValidation)
                {
                    options.ValidateIncoming = false;
                    options.ValidateOutgoing = false;
                }

                _rpc = new OcppRpcConnection(_server, OcppVersion.V16, new HeartbeatHandler(), options, TimeProvider.System, NullLogger.Instance);
                _serving = _rpc.RunAsync(_stop.Token);
            }
        }

        public static Pair Create(ServerKind kind) => new(kind);

        public async Task RoundTripAsync(CancellationToken ct)
        {
            await _client.SendAsync(Heartbeat, WebSocketMessageType.Text, endOfMessage: true, ct);
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _client.ReceiveAsync(_clientBuffer.AsMemory(), ct);
            }
            while (!result.EndOfMessage);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _client.Abort();
            _server.Abort();
            try
            {
                await _serving;
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                // Stopped.
            }

            if (_rpc is not null)
            {
                await _rpc.DisposeAsync();
            }

            _stop.Dispose();
        }

        private static async Task EchoAsync(WebSocket socket, CancellationToken ct)
        {
            var answer = """[3,"1",{"currentTime":"2026-01-01T00:00:00.000Z"}]"""u8.ToArray();
            while (true)
            {
                var peek = await socket.ReceiveAsync(Memory<byte>.Empty, ct);
                if (peek.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var buffer = ArrayPool<byte>.Shared.Rent(4096);
                try
                {
                    var count = 0;
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(buffer.AsMemory(count), ct);
                        count += result.Count;
                    }
                    while (!result.EndOfMessage);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                await socket.SendAsync(answer, WebSocketMessageType.Text, endOfMessage: true, ct);
            }
        }
    }

    private sealed class HeartbeatHandler : IOcppCallHandler
    {
        public ValueTask<OcppResult> HandleAsync(OcppIncomingCall call, CancellationToken ct) =>
            ValueTask.FromResult(OcppResult.Ok(new HeartbeatResponse { CurrentTime = TimeProvider.System.GetUtcNow() }, Ocpp16JsonContext.Default.HeartbeatResponse));
    }

    /// <summary>Reads from one pipe and writes to another, as the hub's pipe stream expects of a connection.</summary>
    private sealed record PipePair(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
