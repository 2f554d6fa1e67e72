using System.Diagnostics;
using ChargingHub.Mqtt.Tests.Support;
using ChargingHub.TestSupport;
using Xunit.Abstractions;

namespace ChargingHub.Mqtt.Tests.Integration;

/// <summary>Broker restarts and outages against a real Mosquitto.</summary>
public sealed class MosquittoResilienceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly MosquittoClientFactory _clients = new(output);
    private MosquittoBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await MosquittoBroker.StartAsync();

    public async Task DisposeAsync()
    {
        await _clients.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task BrokerRestart_ClientReconnectsResubscribesAndRepublishesRetained()
    {
        var connections = 0;
        var hub = _clients.Create(_broker, "hub");
        hub.ConnectionChanged += connected => connections += connected ? 1 : 0;
        await hub.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => hub.IsConnected, "the hub is connected");
        await hub.SubscribeAsync("hub/commands/#", MqttQos.AtLeastOnce, CancellationToken.None);
        hub.Publish("hub/state", "charging", MqttQos.AtLeastOnce, retain: true);
        await Eventually.TrueAsync(() => hub.PendingMessageCount == 0, "the state is sent");

        await _broker.RestartAsync();
        await Eventually.TrueAsync(() => connections >= 2 && hub.IsConnected, "the hub reconnected");

        // The restarted broker has no persistence: the retained state is there only because the hub re-published it.
        var late = await _clients.ConnectAsync(_broker, "late");
        await late.SubscribeAsync("hub/state", MqttQos.AtLeastOnce, CancellationToken.None);
        Assert.Equal("charging", (await late.NextOnAsync("hub/state")).GetPayloadAsString());

        // The subscription is restored too; repeat the command until it is in place.
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            late.Publish("hub/commands/reserve", "go");
            try
            {
                Assert.Equal("go", (await hub.NextOnAsync("hub/commands/reserve", TimeSpan.FromMilliseconds(200))).GetPayloadAsString());
                break;
            }
            catch (TimeoutException) when (stopwatch.Elapsed < Eventually.DefaultTimeout)
            {
            }
        }
    }

    [Fact]
    public async Task BrokerDown_PublishNeitherBlocksNorThrowsAndNewestQueuedArriveLater()
    {
        await _broker.StopAsync();
        var hub = _clients.Create(_broker, "hub", o =>
        {
            o.QueueCapacity = 10;

            // Long enough that the subscriber below is in place before the hub's next attempt.
            o.ReconnectDelayMin = TimeSpan.FromSeconds(1.5);
            o.ReconnectDelayMax = TimeSpan.FromSeconds(3);
        });
        await hub.StartAsync(CancellationToken.None);
        await Task.Delay(100);

        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(hub.Publish("load/n", $"{i}", MqttQos.AtLeastOnce));
        }

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"Publishing took {stopwatch.Elapsed}.");
        Assert.False(hub.IsConnected);
        Assert.Equal(10, hub.PendingMessageCount);
        Assert.Equal(990, hub.DroppedMessageCount);

        await _broker.RestartAsync();
        var observer = await _clients.ConnectAsync(_broker, "observer");
        await observer.SubscribeAsync("load/n", MqttQos.AtLeastOnce, CancellationToken.None);

        var received = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(6));
        while (received.Count < 10)
        {
            received.Add((await observer.Messages.ReadAsync(timeout.Token)).GetPayloadAsString());
        }

        Assert.Equal(Enumerable.Range(990, 10).Select(i => $"{i}"), received);
    }

    [Fact]
    public async Task BrokerDown_StopAsync_ReturnsPromptly()
    {
        var hub = await _clients.ConnectAsync(_broker, "hub");
        await _broker.StopAsync();
        await Eventually.TrueAsync(() => !hub.IsConnected, "the hub noticed");

        var stopwatch = Stopwatch.StartNew();
        await hub.StopAsync(CancellationToken.None);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1));
    }
}
