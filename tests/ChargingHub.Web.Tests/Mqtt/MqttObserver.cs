using System.Diagnostics;
using System.Text.Json;
using ChargingHub.Mqtt;
using ChargingHub.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargingHub.Web.Tests.Mqtt;

/// <summary>
/// A subscriber on the real broker, built on our own <see cref="MqttClient"/>: it records everything it receives, so a
/// test asserts what Home Assistant (or any other subscriber) would see.
/// </summary>
public sealed class MqttObserver : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly MqttClient _client;
    private readonly List<MqttApplicationMessage> _received = [];
    private readonly Task _pump;
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private MqttObserver(MqttClient client)
    {
        _client = client;
        _pump = Task.Run(PumpAsync);
    }

    public IReadOnlyList<MqttApplicationMessage> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Connects a fresh client (clean session) and subscribes; retained messages for the filters follow at once.</summary>
    public static async Task<MqttObserver> ConnectAsync(MosquittoBroker broker, params string[] filters)
    {
        var client = new MqttClient(new MqttClientOptions
        {
            Host = broker.Host,
            Port = broker.Port,
            ClientId = "observer-" + Guid.NewGuid().ToString("N")[..12],
            ReconnectDelayMin = TimeSpan.FromMilliseconds(100),
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
        }, TimeProvider.System, NullLogger<MqttClient>.Instance);
        var observer = new MqttObserver(client);
        await client.StartAsync(CancellationToken.None);
        var waited = Stopwatch.StartNew();
        while (!client.IsConnected)
        {
            Assert.True(waited.Elapsed < DefaultTimeout, "The observer could not connect to the broker.");
            await Task.Delay(20);
        }

        foreach (var filter in filters)
        {
            await client.SubscribeAsync(filter, MqttQos.AtLeastOnce, CancellationToken.None);
        }

        return observer;
    }

    public void Publish(string topic, string payload, bool retain = false) => _client.Publish(topic, payload, MqttQos.AtLeastOnce, retain);

    public void Publish(string topic, byte[] payload) => _client.Publish(topic, payload, MqttQos.AtLeastOnce, retain: false);

    /// <summary>The first message received (so far or later) that matches.</summary>
    public async Task<MqttApplicationMessage> WaitForAsync(Func<MqttApplicationMessage, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = Task.Delay(timeout ?? DefaultTimeout);
        while (true)
        {
            Task added;
            lock (_received)
            {
                if (_received.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                added = _added.Task;
            }

            if (await Task.WhenAny(added, deadline) == deadline)
            {
                Assert.Fail($"Not received: {what}. Received:\n{Describe()}");
            }
        }
    }

    /// <summary>Waits for a message on <paramref name="topic"/> whose text payload satisfies <paramref name="payload"/>.</summary>
    public Task<MqttApplicationMessage> WaitForAsync(string topic, Func<string, bool> payload, TimeSpan? timeout = null) =>
        WaitForAsync(m => m.Topic == topic && payload(m.GetPayloadAsString()), $"a message on {topic}", timeout);

    public Task<MqttApplicationMessage> WaitForAsync(string topic, string payload, TimeSpan? timeout = null) =>
        WaitForAsync(m => m.Topic == topic && m.GetPayloadAsString() == payload, $"'{payload}' on {topic}", timeout);

    /// <summary>Waits for an event of <paramref name="type"/> on <c>chargehub/events</c> matching <paramref name="match"/>; returns its JSON.</summary>
    public async Task<JsonElement> WaitForEventAsync(string type, string chargerId, Func<JsonElement, bool>? match = null, TimeSpan? timeout = null)
    {
        var message = await WaitForAsync(m => m.Topic == "chargehub/events" && IsEvent(m, type, chargerId, match),
            $"a {type} event for {chargerId}", timeout);
        return JsonDocument.Parse(message.Payload).RootElement.Clone();
    }

    public IReadOnlyList<JsonElement> Events(string chargerId) =>
        [.. Received.Where(m => m.Topic == "chargehub/events")
            .Select(m => JsonDocument.Parse(m.Payload).RootElement.Clone())
            .Where(e => e.GetProperty("chargerId").GetString() == chargerId)];

    /// <summary>Everything received on <paramref name="topic"/> so far.</summary>
    public IReadOnlyList<MqttApplicationMessage> On(string topic) => [.. Received.Where(m => m.Topic == topic)];

    public string Describe() => string.Join('\n', Received.Select(m => $"{m.Topic} (retain {m.Retain}): {Shorten(m.GetPayloadAsString())}"));

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _pump;
    }

    private static bool IsEvent(MqttApplicationMessage message, string type, string chargerId, Func<JsonElement, bool>? match)
    {
        var json = JsonDocument.Parse(message.Payload).RootElement;
        return json.GetProperty("type").GetString() == type && json.GetProperty("chargerId").GetString() == chargerId
            && (match is null || match(json));
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    private async Task PumpAsync()
    {
        await foreach (var message in _client.Messages.ReadAllAsync())
        {
            TaskCompletionSource added;
            lock (_received)
            {
                _received.Add(message);
                added = _added;
                _added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            added.TrySetResult();
        }
    }
}
