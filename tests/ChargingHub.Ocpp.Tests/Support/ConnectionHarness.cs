using ChargingHub.TestSupport;

namespace ChargingHub.Ocpp.Tests.Support;

/// <summary>An <see cref="OcppRpcConnection"/> on the server end of a socket pair, its receive loop running, and a raw peer on the other end.</summary>
internal sealed class ConnectionHarness : IAsyncDisposable
{
    private readonly WebSocketPair _pair;
    private readonly CancellationTokenSource _stop = new();

    private ConnectionHarness(WebSocketPair pair, OcppRpcConnection connection, ManualTimeProvider time, ListLogger logger)
    {
        _pair = pair;
        Connection = connection;
        Time = time;
        Logger = logger;
        Peer = new RawPeer(pair.Client);
        Run = connection.RunAsync(_stop.Token);
    }

    public OcppRpcConnection Connection { get; }

    public RawPeer Peer { get; }

    public ManualTimeProvider Time { get; }

    public ListLogger Logger { get; }

    public Task Run { get; }

    public static async Task<ConnectionHarness> StartAsync(OcppVersion version, IOcppCallHandler handler, Action<OcppRpcOptions>? configure = null)
    {
        var pair = await WebSocketPair.CreateAsync(version);
        var options = new OcppRpcOptions();
        configure?.Invoke(options);
        var time = new ManualTimeProvider();
        var logger = new ListLogger();
        var connection = new OcppRpcConnection(pair.Server, version, handler, options, time, logger);
        return new ConnectionHarness(pair, connection, time, logger);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Connection.DisposeAsync();
        await _pair.DisposeAsync();
        _stop.Dispose();
    }
}
