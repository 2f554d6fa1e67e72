using ChargingHub.Mqtt.Protocol;
using ChargingHub.Mqtt.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ChargingHub.Mqtt.Tests.Client;

/// <summary>The client against a scripted broker that misbehaves on purpose.</summary>
public sealed class MqttClientFakeBrokerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestLogger<MqttClient> _logger = new(output);
    private readonly FakeBroker _broker = new();
    private MqttClient? _client;

    private MqttClient Client => _client!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_client is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _client.StopAsync(timeout.Token);
            await _client.DisposeAsync();
        }

        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task StartAsync_Configured_SendsConnectWithOptions()
    {
        await StartClientAsync(o =>
        {
            o.ClientId = "hub-7";
            o.KeepAlive = TimeSpan.FromSeconds(2.5);
            o.Username = "user";
            o.Password = "pass";
            o.Will = new MqttWill("hub/status", "offline", MqttQos.AtLeastOnce, Retain: true);
        });

        var (_, connect) = await _broker.AcceptSessionAsync();

        Assert.Equal("hub-7", connect.ClientId);
        Assert.Equal(3, connect.KeepAliveSeconds);
        Assert.True(connect.CleanSession);
        Assert.Equal("user", connect.Username);
        Assert.Equal("pass"u8.ToArray(), connect.Password);
        Assert.Equal(("hub/status", MqttQos.AtLeastOnce, true), (connect.Will!.Topic, connect.Will.Qos, connect.Will.Retain));
        Assert.Equal("offline"u8.ToArray(), connect.Will.Payload.ToArray());
        await Eventually.TrueAsync(() => Client.IsConnected, "connected");
    }

    [Fact]
    public async Task ConnAck_Refused_LogsReasonAndRetries()
    {
        var changes = new List<bool>();
        await StartClientAsync(configureClient: c => c.ConnectionChanged += changes.Add);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var connection = await _broker.AcceptAsync();
            Assert.IsType<ConnectPacket>(await connection.ReadAsync());
            await connection.SendAsync(new ConnAckPacket(false, MqttConnectReturnCode.BadUserNameOrPassword));
        }

        await Eventually.TrueAsync(() => _logger.Entries.Any(e => e.Message.Contains("return code 4: bad user name or password", StringComparison.Ordinal)), "the refusal is logged");
        Assert.False(Client.IsConnected);
        Assert.Empty(changes);
    }

    [Theory]
    [InlineData(new byte[] { 0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, "MalformedRemainingLength")]
    [InlineData(new byte[] { 0x31, 0x04, 0x00, 0x02, (byte)'a', (byte)'#' }, "InvalidTopic")]
    [InlineData(new byte[] { 0xF0, 0x00 }, "UnsupportedPacketType")]
    [InlineData(new byte[] { 0x20, 0x02, 0x00, 0x00 }, "UnexpectedPacket")]
    [InlineData(new byte[] { 0x34, 0x05, 0x00, 0x01, (byte)'a', 0x00, 0x01 }, "InvalidQos")]
    public async Task Broker_SendsBadPacket_ClientLogsAndReconnects(byte[] badPacket, string expectedError)
    {
        await StartClientAsync();
        var (first, _) = await _broker.AcceptSessionAsync();
        await Eventually.TrueAsync(() => Client.IsConnected, "connected");

        await first.SendRawAsync(badPacket);

        var (second, _) = await _broker.AcceptSessionAsync();
        Assert.True(await first.IsClosedByClientAsync(TimeSpan.FromSeconds(2)));
        await Eventually.TrueAsync(() => Client.IsConnected, "reconnected");
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(expectedError, StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Broker_NeverSendsConnAck_ClientTimesOutAndRetries()
    {
        await StartClientAsync(o => o.OperationTimeout = TimeSpan.FromMilliseconds(300));

        var silent = await _broker.AcceptAsync();
        Assert.IsType<ConnectPacket>(await silent.ReadAsync());
        await _broker.AcceptSessionAsync();

        await Eventually.TrueAsync(() => Client.IsConnected, "connected on the second attempt");
        Assert.Contains(_logger.Entries, e => e.Message.Contains("No MQTT connection within", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Broker_ClosesConnection_ClientReconnects()
    {
        var changes = new List<bool>();
        await StartClientAsync(configureClient: c => c.ConnectionChanged += changes.Add);
        var (first, _) = await _broker.AcceptSessionAsync();
        await Eventually.TrueAsync(() => Client.IsConnected, "connected");

        first.Dispose();
        await _broker.AcceptSessionAsync();

        await Eventually.TrueAsync(() => changes.Count == 3, "connected, lost, connected again");
        Assert.Equal([true, false, true], changes);
    }

    [Fact]
    public async Task KeepAlive_Idle_SendsPingAndStaysConnectedWhileAnswered()
    {
        await StartClientAsync(o => o.KeepAlive = TimeSpan.FromMilliseconds(200));
        var (connection, _) = await _broker.AcceptSessionAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.IsType<PingReqPacket>(await connection.ReadAsync(TimeSpan.FromSeconds(2)));
            await connection.SendAsync(PingRespPacket.Instance);
        }

        Assert.Equal(1, _broker.AcceptedCount);
        Assert.True(Client.IsConnected);
    }

    [Fact]
    public async Task KeepAlive_NoPingResponse_ReconnectsAfterGracePeriod()
    {
        await StartClientAsync(o =>
        {
            o.KeepAlive = TimeSpan.FromMilliseconds(200);
            o.PingResponseTimeout = TimeSpan.FromMilliseconds(300);
        });
        var (connection, _) = await _broker.AcceptSessionAsync();

        Assert.IsType<PingReqPacket>(await connection.ReadAsync(TimeSpan.FromSeconds(2)));
        await _broker.AcceptSessionAsync(); // the client gave up on the silent connection

        Assert.Contains(_logger.Entries, e => e.Message.Contains("the connection is dead", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Qos1_NotAcknowledged_ResentWithDupAfterReconnect()
    {
        await StartClientAsync();
        var (first, _) = await _broker.AcceptSessionAsync();

        Client.Publish("hub/event", "one", MqttQos.AtLeastOnce);
        var original = await first.ReadAsync<PublishPacket>();
        Assert.False(original.Dup);
        first.Dispose();

        var (second, _) = await _broker.AcceptSessionAsync();
        var resent = await second.ReadAsync<PublishPacket>();
        Assert.True(resent.Dup);
        Assert.Equal((original.PacketId, "hub/event"), (resent.PacketId, resent.Topic));
        Assert.Equal("one"u8.ToArray(), resent.Payload.ToArray());
        await second.SendAsync(new PubAckPacket(resent.PacketId));

        Client.Publish("hub/event", "two", MqttQos.AtLeastOnce);
        var next = await second.ReadAsync<PublishPacket>();
        Assert.False(next.Dup);
        await second.SendAsync(new PubAckPacket(next.PacketId));
        await Task.Delay(100);
        second.Dispose();

        var (third, _) = await _broker.AcceptSessionAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third.ReadAsync<PublishPacket>(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Retained_SeveralQueuedWhileDisconnected_OnlyNewestSent()
    {
        Client0().Publish("state/a", "old", MqttQos.AtLeastOnce, retain: true);
        Client0().Publish("state/a", "new", MqttQos.AtLeastOnce, retain: true);
        await Client0().StartAsync(CancellationToken.None);

        var (session, _) = await _broker.AcceptSessionAsync();
        var state = await session.ReadAsync<PublishPacket>();
        Assert.Equal("new"u8.ToArray(), state.Payload.ToArray());
        await session.SendAsync(new PubAckPacket(state.PacketId));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.ReadAsync<PublishPacket>(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Retained_AfterReconnect_RepublishedOnceUntilCleared()
    {
        Client0().Publish("state/a", "on", MqttQos.AtLeastOnce, retain: true);
        Client0().Publish("event", "e", MqttQos.AtMostOnce);
        await Client0().StartAsync(CancellationToken.None);

        var (first, _) = await _broker.AcceptSessionAsync();
        var state = await first.ReadAsync<PublishPacket>();
        Assert.Equal(("state/a", true), (state.Topic, state.Retain));
        await first.SendAsync(new PubAckPacket(state.PacketId));
        Assert.Equal("event", (await first.ReadAsync<PublishPacket>()).Topic);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.ReadAsync<PublishPacket>(TimeSpan.FromMilliseconds(200)));
        first.Dispose();

        var (second, _) = await _broker.AcceptSessionAsync();
        var again = await second.ReadAsync<PublishPacket>();
        Assert.Equal(("state/a", true, false), (again.Topic, again.Retain, again.Dup));
        Assert.Equal("on"u8.ToArray(), again.Payload.ToArray());
        await second.SendAsync(new PubAckPacket(again.PacketId));

        Client.Publish("state/a", "", MqttQos.AtLeastOnce, retain: true);
        var cleared = await second.ReadAsync<PublishPacket>();
        Assert.True(cleared.Payload.IsEmpty);
        await second.SendAsync(new PubAckPacket(cleared.PacketId));
        await Task.Delay(100);
        second.Dispose();

        var (third, _) = await _broker.AcceptSessionAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third.ReadAsync<PublishPacket>(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Subscribe_RefusedThenGranted_OnlyGrantedIsRestoredAfterReconnect()
    {
        await StartClientAsync();
        var (first, _) = await _broker.AcceptSessionAsync();
        await Eventually.TrueAsync(() => Client.IsConnected, "connected");

        var refused = Client.SubscribeAsync("secret/#", MqttQos.AtLeastOnce, CancellationToken.None);
        var request = await first.ReadAsync<SubscribePacket>();
        await first.SendAsync(new SubAckPacket(request.PacketId, [SubAckPacket.Failure]));
        var ex = await Assert.ThrowsAsync<MqttSubscriptionRefusedException>(() => refused);
        Assert.Equal("secret/#", ex.TopicFilter);

        var granted = Client.SubscribeAsync("cmd/+/set", MqttQos.AtLeastOnce, CancellationToken.None);
        request = await first.ReadAsync<SubscribePacket>();
        await first.SendAsync(new SubAckPacket(request.PacketId, [1]));
        await granted;
        first.Dispose();

        var (second, _) = await _broker.AcceptSessionAsync();
        var restored = await second.ReadAsync<SubscribePacket>();
        Assert.Equal([new MqttSubscription("cmd/+/set", MqttQos.AtLeastOnce)], restored.Subscriptions);
        await second.SendAsync(new SubAckPacket(restored.PacketId, [1]));
    }

    [Fact]
    public async Task Subscribe_WhileDisconnected_CompletesAndSubscribesOnConnect()
    {
        await Client0().SubscribeAsync("cmd/#", MqttQos.AtMostOnce, CancellationToken.None);
        await Client0().StartAsync(CancellationToken.None);

        var (connection, _) = await _broker.AcceptSessionAsync();

        var request = await connection.ReadAsync<SubscribePacket>();
        Assert.Equal("cmd/#", request.Subscriptions[0].TopicFilter);
    }

    [Fact]
    public async Task Unsubscribe_Connected_SendsUnsubscribeAndForgets()
    {
        await Client0().SubscribeAsync("cmd/#", MqttQos.AtMostOnce, CancellationToken.None);
        await Client0().StartAsync(CancellationToken.None);
        var (first, _) = await _broker.AcceptSessionAsync();
        var subscribe = await first.ReadAsync<SubscribePacket>();
        await first.SendAsync(new SubAckPacket(subscribe.PacketId, [0]));

        var unsubscribing = Client.UnsubscribeAsync("cmd/#", CancellationToken.None);
        var unsubscribe = await first.ReadAsync<UnsubscribePacket>();
        Assert.Equal(["cmd/#"], unsubscribe.TopicFilters);
        await first.SendAsync(new UnsubAckPacket(unsubscribe.PacketId));
        await unsubscribing;
        first.Dispose();

        var (second, _) = await _broker.AcceptSessionAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.ReadAsync<SubscribePacket>(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Incoming_NobodyReads_AcknowledgesEverythingAndDropsOldest()
    {
        await StartClientAsync(o => o.IncomingQueueCapacity = 5);
        var (connection, _) = await _broker.AcceptSessionAsync();

        for (ushort id = 1; id <= 20; id++)
        {
            await connection.SendAsync(new PublishPacket("cmd/x", new[] { (byte)id }, MqttQos.AtLeastOnce, false, false, id));
        }

        for (ushort id = 1; id <= 20; id++)
        {
            Assert.Equal(id, (await connection.ReadAsync<PubAckPacket>()).PacketId);
        }

        Assert.Equal(15, Client.DroppedIncomingMessageCount);
        var kept = await Client.DrainAsync(TimeSpan.FromMilliseconds(100));
        Assert.Equal([16, 17, 18, 19, 20], kept.Select(m => (int)m.Payload.Span[0]));
    }

    [Fact]
    public async Task ConnectionChanged_HandlerThrows_ClientCarriesOn()
    {
        await StartClientAsync(configureClient: c => c.ConnectionChanged += _ => throw new InvalidOperationException("handler bug"));
        var (connection, _) = await _broker.AcceptSessionAsync();

        Client.Publish("a", "still works", MqttQos.AtMostOnce);

        Assert.Equal("a", (await connection.ReadAsync<PublishPacket>()).Topic);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task StopAsync_Connected_FlushesQueueWaitsForAcksAndSendsDisconnect()
    {
        await StartClientAsync();
        var (connection, _) = await _broker.AcceptSessionAsync();
        await Eventually.TrueAsync(() => Client.IsConnected, "connected");

        Client.Publish("status", "offline", MqttQos.AtLeastOnce, retain: true);
        var stopping = Client.StopAsync(CancellationToken.None);

        var last = await connection.ReadAsync<PublishPacket>();
        Assert.Equal("status", last.Topic);
        await Task.Delay(100);
        Assert.False(stopping.IsCompleted, "DISCONNECT must wait for the PUBACK.");
        await connection.SendAsync(new PubAckPacket(last.PacketId));
        Assert.IsType<DisconnectPacket>(await connection.ReadAsync());
        Assert.True(await connection.IsClosedByClientAsync(TimeSpan.FromSeconds(2)));
        await stopping.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(Client.IsConnected);
        Assert.True(Client.Messages.Completion.IsCompleted);
    }

    [Fact]
    public async Task StopAsync_TokenCancelled_CutsTheConnection()
    {
        await StartClientAsync();
        var (connection, _) = await _broker.AcceptSessionAsync();
        Client.Publish("a", "never acknowledged", MqttQos.AtLeastOnce);
        await connection.ReadAsync<PublishPacket>();

        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Client.StopAsync(timeout.Token);

        Assert.True(await connection.IsClosedByClientAsync(TimeSpan.FromSeconds(2)));
        Assert.False(Client.IsConnected);
    }

    private MqttClient Client0() => _client ??= CreateClient(null);

    private async Task StartClientAsync(Action<MqttClientOptions>? configure = null, Action<MqttClient>? configureClient = null)
    {
        _client = CreateClient(configure);
        configureClient?.Invoke(_client);
        await _client.StartAsync(CancellationToken.None);
    }

    private MqttClient CreateClient(Action<MqttClientOptions>? configure)
    {
        var options = new MqttClientOptions
        {
            Host = "127.0.0.1",
            Port = _broker.Port,
            ClientId = "fake-broker-test",
            KeepAlive = TimeSpan.FromSeconds(30),
            ReconnectDelayMin = TimeSpan.FromMilliseconds(20),
            ReconnectDelayMax = TimeSpan.FromMilliseconds(100),
            OperationTimeout = TimeSpan.FromSeconds(2),
        };
        configure?.Invoke(options);
        return new MqttClient(options, TimeProvider.System, _logger);
    }
}
