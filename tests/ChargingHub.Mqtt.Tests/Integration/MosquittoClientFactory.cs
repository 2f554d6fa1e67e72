using ChargingHub.Mqtt.Tests.Support;
using ChargingHub.TestSupport;
using Xunit.Abstractions;

namespace ChargingHub.Mqtt.Tests.Integration;

/// <summary>Creates clients for a test's broker with short timings, and disposes them with the test.</summary>
public sealed class MosquittoClientFactory(ITestOutputHelper output) : IAsyncDisposable
{
    private readonly List<MqttClient> _clients = [];

    public TestLogger<MqttClient> Logger { get; } = new(output);

    public MqttClient Create(MosquittoBroker broker, string name, Action<MqttClientOptions>? configure = null)
    {
        var options = new MqttClientOptions
        {
            Host = broker.Host,
            Port = broker.Port,
            ClientId = $"{name}-{Guid.NewGuid():N}",
            KeepAlive = TimeSpan.FromSeconds(5),
            ReconnectDelayMin = TimeSpan.FromMilliseconds(50),
            ReconnectDelayMax = TimeSpan.FromMilliseconds(200),
            OperationTimeout = TimeSpan.FromSeconds(3),
        };
        configure?.Invoke(options);
        var client = new MqttClient(options, TimeProvider.System, Logger);
        _clients.Add(client);
        return client;
    }

    public async Task<MqttClient> ConnectAsync(MosquittoBroker broker, string name, Action<MqttClientOptions>? configure = null)
    {
        var client = Create(broker, name, configure);
        await client.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => client.IsConnected, $"{name} is connected. Broker log:\n{broker.Log}");
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
    }
}
