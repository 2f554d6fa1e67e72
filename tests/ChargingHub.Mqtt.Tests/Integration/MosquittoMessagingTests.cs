using System.Diagnostics;
using ChargingHub.Mqtt.Tests.Support;
using ChargingHub.TestSupport;
using Xunit.Abstractions;

namespace ChargingHub.Mqtt.Tests.Integration;

/// <summary>Publishing, retained messages and the last will against a real Mosquitto.</summary>
public sealed class MosquittoMessagingTests(ITestOutputHelper output) : IAsyncLifetime
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
    public async Task Publish_Qos0AndQos1_ReceivedBySecondClient()
    {
        var subscriber = await _clients.ConnectAsync(_broker, "subscriber");
        await subscriber.SubscribeAsync("test/#", MqttQos.AtLeastOnce, CancellationToken.None);
        var publisher = await _clients.ConnectAsync(_broker, "publisher");

        publisher.Publish("test/zero", "payload 0", MqttQos.AtMostOnce);
        publisher.Publish("test/one", "payload 1", MqttQos.AtLeastOnce);

        var received = await ReadAsync(subscriber, 2);
        var zero = Assert.Single(received, m => m.Topic == "test/zero");
        var one = Assert.Single(received, m => m.Topic == "test/one");
        Assert.Equal(("payload 0", MqttQos.AtMostOnce, false), (zero.GetPayloadAsString(), zero.Qos, zero.Retain));
        Assert.Equal(("payload 1", MqttQos.AtLeastOnce, false), (one.GetPayloadAsString(), one.Qos, one.Retain));
    }

    [Fact]
    public async Task Connect_HostNameResolvingToIpv6First_FallsBackToIpv4()
    {
        // "localhost" may resolve to ::1 first while the broker listens on 127.0.0.1 only.
        var client = await _clients.ConnectAsync(_broker, "by-name", o => o.Host = "localhost");

        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Publish_ManyQos1InOrder_AllDelivered()
    {
        var subscriber = await _clients.ConnectAsync(_broker, "subscriber");
        await subscriber.SubscribeAsync("bulk/+", MqttQos.AtLeastOnce, CancellationToken.None);
        var publisher = await _clients.ConnectAsync(_broker, "publisher");

        for (var i = 0; i < 500; i++)
        {
            publisher.Publish("bulk/n", $"{i}", MqttQos.AtLeastOnce);
        }

        var received = await ReadAsync(subscriber, 500);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"{i}"), received.Select(m => m.GetPayloadAsString()));
        await Eventually.TrueAsync(() => publisher.PendingMessageCount == 0, "the publisher's queue is empty");
    }

    [Fact]
    public async Task Publish_LargePayload_ArrivesIntact()
    {
        var client = await _clients.ConnectAsync(_broker, "self");
        await client.SubscribeAsync("large", MqttQos.AtLeastOnce, CancellationToken.None);
        var payload = new byte[200_000];
        Random.Shared.NextBytes(payload);

        client.Publish("large", payload, MqttQos.AtLeastOnce);

        Assert.Equal(payload, (await client.NextOnAsync("large")).Payload.ToArray());
    }

    [Fact]
    public async Task Retained_LateSubscriber_ReceivesLastValueAndClearedTopicsStayEmpty()
    {
        var publisher = await _clients.ConnectAsync(_broker, "publisher");
        publisher.Publish("hub/chargers/c1/online", "false", retain: true);
        publisher.Publish("hub/chargers/c1/online", "true", retain: true);
        publisher.Publish("hub/chargers/c2/online", "true", retain: true);
        publisher.Publish("hub/chargers/c2/online", "", retain: true);
        await Eventually.TrueAsync(() => publisher.PendingMessageCount == 0, "everything is sent");
        await Task.Delay(100);

        var late = await _clients.ConnectAsync(_broker, "late");
        await late.SubscribeAsync("hub/chargers/+/online", MqttQos.AtLeastOnce, CancellationToken.None);

        var retained = await late.NextOnAsync("hub/chargers/c1/online");
        Assert.Equal(("true", true), (retained.GetPayloadAsString(), retained.Retain));
        Assert.DoesNotContain(await late.DrainAsync(TimeSpan.FromMilliseconds(300)), m => m.Topic == "hub/chargers/c2/online");
    }

    [Fact]
    public async Task LastWill_SocketDroppedWithoutDisconnect_PublishedThenStateRestored()
    {
        var observer = await _clients.ConnectAsync(_broker, "observer");
        await observer.SubscribeAsync("hub/status", MqttQos.AtLeastOnce, CancellationToken.None);
        var hub = await _clients.ConnectAsync(_broker, "hub", o => o.Will = new MqttWill("hub/status", "offline", MqttQos.AtLeastOnce, Retain: true));
        hub.Publish("hub/status", "online", retain: true);
        Assert.Equal("online", (await observer.NextOnAsync("hub/status")).GetPayloadAsString());

        hub.DropConnectionForTesting();

        Assert.Equal("offline", (await observer.NextOnAsync("hub/status")).GetPayloadAsString());

        // On reconnect the hub re-publishes its retained state, overriding its own will.
        Assert.Equal("online", (await observer.NextOnAsync("hub/status")).GetPayloadAsString());
    }

    [Fact]
    public async Task LastWill_GracefulStop_NotPublished()
    {
        var observer = await _clients.ConnectAsync(_broker, "observer");
        await observer.SubscribeAsync("hub/status", MqttQos.AtLeastOnce, CancellationToken.None);
        var hub = await _clients.ConnectAsync(_broker, "hub", o => o.Will = new MqttWill("hub/status", "offline", MqttQos.AtLeastOnce, Retain: true));

        hub.Publish("hub/status", "stopped", retain: true);
        await hub.StopAsync(CancellationToken.None);

        Assert.Equal("stopped", (await observer.NextOnAsync("hub/status")).GetPayloadAsString());
        Assert.DoesNotContain(await observer.DrainAsync(TimeSpan.FromMilliseconds(500)), m => m.Topic == "hub/status");
    }

    [Fact]
    public async Task Subscribe_Wildcards_DeliverWhatMatchesLocally()
    {
        var client = await _clients.ConnectAsync(_broker, "router");
        const string filter = "hub/chargers/+/connectors/+/reserve/set";
        await client.SubscribeAsync(filter, MqttQos.AtLeastOnce, CancellationToken.None);
        var sender = await _clients.ConnectAsync(_broker, "sender");

        sender.Publish("hub/chargers/c1/connectors/2/cancel/set", "x");
        sender.Publish("hub/chargers/c1/connectors/2/reserve/set", "{}");

        var message = (await ReadAsync(client, 1))[0];
        Assert.Equal("hub/chargers/c1/connectors/2/reserve/set", message.Topic);
        Assert.True(MqttTopicFilter.Matches(filter, message.Topic));
    }

    private static async Task<List<MqttApplicationMessage>> ReadAsync(MqttClient client, int count)
    {
        using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
        var messages = new List<MqttApplicationMessage>();
        while (messages.Count < count)
        {
            messages.Add(await client.Messages.ReadAsync(timeout.Token));
        }

        return messages;
    }
}
