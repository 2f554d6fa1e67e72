using System.Diagnostics;
using ChargingHub.Mqtt.Tests.Support;
using ChargingHub.TestSupport;
using Microsoft.Extensions.Logging;

namespace ChargingHub.Mqtt.Tests.Client;

/// <summary>Publishing and queueing without any broker: none of this may depend on the network.</summary>
public sealed class MqttClientPublishTests
{
    private readonly TestLogger<MqttClient> _logger = new();

    [Fact]
    public async Task Publish_NoBrokerAndQueueFull_NeverBlocksAndKeepsBound()
    {
        await using var client = Create(o => o.QueueCapacity = 10);
        var stopwatch = Stopwatch.StartNew();

        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(client.Publish("a/b", $"message {i}"));
        }

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"10 000 publishes took {stopwatch.Elapsed}.");
        Assert.Equal(10, client.PendingMessageCount);
        Assert.Equal(9_990, client.DroppedMessageCount);
    }

    [Fact]
    public async Task Publish_QueueFull_LogsAtMostOncePerInterval()
    {
        var time = new ManualTimeProvider();
        await using var client = Create(o => o.QueueCapacity = 1, time);

        for (var i = 0; i < 100; i++)
        {
            client.Publish("a", "x");
        }

        Assert.Single(DropWarnings());
        time.Advance(TimeSpan.FromSeconds(31));
        client.Publish("a", "x");
        client.Publish("a", "x");

        var warnings = DropWarnings();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("dropped 99 messages since the last report, 100 in all", warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_QueueFull_KeepsRetainedMessages()
    {
        await using var client = Create(o => o.QueueCapacity = 3);

        client.Publish("state/a", "1", retain: true);
        for (var i = 0; i < 10; i++)
        {
            client.Publish("events", $"{i}");
        }

        Assert.Equal(3, client.PendingMessageCount);
        Assert.Equal(8, client.DroppedMessageCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/+")]
    [InlineData("a/#")]
    public async Task Publish_InvalidTopic_ThrowsArgumentException(string topic)
    {
        await using var client = Create();

        Assert.Throws<ArgumentException>(() => client.Publish(topic, "x"));
    }

    [Fact]
    public async Task Publish_ExactlyOnce_ThrowsArgumentOutOfRange()
    {
        await using var client = Create();

        Assert.Throws<ArgumentOutOfRangeException>(() => client.Publish("a", "x", MqttQos.ExactlyOnce));
    }

    [Fact]
    public async Task Publish_LargerThanMaxPacketSize_ReturnsFalseAndLogs()
    {
        await using var client = Create(o => o.MaxPacketSize = 1024);

        Assert.False(client.Publish("a", new byte[1024]));
        Assert.True(client.Publish("a", new byte[1000]));
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("exceed the maximum packet size", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_AfterStop_ReturnsFalse()
    {
        var client = Create();
        await client.StopAsync(CancellationToken.None);

        Assert.False(client.Publish("a", "x"));
        Assert.True(client.Messages.Completion.IsCompleted);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task StartAsync_Twice_ThrowsInvalidOperation()
    {
        await using var client = Create();
        await client.StartAsync(CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.StartAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StartAsync_BrokerUnreachable_ReturnsAtOnceAndStopsCleanly()
    {
        await using var client = Create(o => o.Port = UnusedPort());
        var stopwatch = Stopwatch.StartNew();

        await client.StartAsync(CancellationToken.None);
        client.Publish("a", "x");
        await Task.Delay(200);
        await client.StopAsync(CancellationToken.None);

        Assert.False(client.IsConnected);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3));
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("failed or was lost", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Host", "")]
    [InlineData("Port", "0")]
    [InlineData("Password", "x")]
    [InlineData("QueueCapacity", "0")]
    [InlineData("MaxPacketSize", "10")]
    [InlineData("ReconnectDelayMax", "0.5")]
    [InlineData("ClientId", "a\0b")]
    [InlineData("CleanSession", "false")]
    public void Constructor_InvalidOption_ThrowsArgumentException(string property, string value)
    {
        var options = new MqttClientOptions { Host = "localhost" };
        switch (property)
        {
            case "Host": options.Host = value; break;
            case "Port": options.Port = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "Password": options.Password = value; break;
            case "QueueCapacity": options.QueueCapacity = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "MaxPacketSize": options.MaxPacketSize = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "ReconnectDelayMax": options.ReconnectDelayMax = TimeSpan.FromSeconds(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case "ClientId": options.ClientId = value; break;
            case "CleanSession": options.CleanSession = bool.Parse(value); break;
        }

        Assert.ThrowsAny<ArgumentException>(() => new MqttClient(options, TimeProvider.System, _logger));
    }

    [Fact]
    public void Constructor_WillWithWildcard_ThrowsArgumentException()
    {
        var options = new MqttClientOptions { Host = "localhost", Will = new MqttWill("a/#", "offline") };

        Assert.Throws<ArgumentException>(() => new MqttClient(options, TimeProvider.System, _logger));
    }

    private List<LogEntry> DropWarnings() =>
        [.. _logger.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("outgoing queue full", StringComparison.Ordinal))];

    private MqttClient Create(Action<MqttClientOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new MqttClientOptions
        {
            Host = "127.0.0.1",
            ClientId = "publish-test",
            ReconnectDelayMin = TimeSpan.FromMilliseconds(50),
            ReconnectDelayMax = TimeSpan.FromMilliseconds(100),
            OperationTimeout = TimeSpan.FromSeconds(1),
        };
        configure?.Invoke(options);
        return new MqttClient(options, time ?? TimeProvider.System, _logger);
    }

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
