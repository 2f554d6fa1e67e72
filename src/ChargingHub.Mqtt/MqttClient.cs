using System.Text;
using System.Threading.Channels;
using ChargingHub.Mqtt.Client;
using ChargingHub.Mqtt.Protocol;
using Microsoft.Extensions.Logging;

namespace ChargingHub.Mqtt;

/// <summary>
/// An MQTT 3.1.1 client that keeps itself connected. Publishing never blocks and never fails
/// because of the broker: messages wait in a bounded queue while the broker is away, retained
/// messages and subscriptions are restored on every reconnect, and QoS 1 messages are re-sent
/// until acknowledged.
/// </summary>
/// <remarks>
/// Start it once with <see cref="StartAsync"/>; after <see cref="StopAsync"/> it does not start
/// again. All members are safe to call from any thread.
/// </remarks>
public sealed partial class MqttClient : IAsyncDisposable
{
    // Enough to keep a LAN broker busy; small enough that a broker which stops acknowledging
    // cannot make the client hold much.
    private const int MaxInflight = 64;
    private static readonly TimeSpan DropLogInterval = TimeSpan.FromSeconds(30);

    private readonly MqttClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MqttClient> _logger;
    private readonly OutboundQueue _outbound;
    private readonly RetainedStore _retained = new();
    private readonly PacketIdPool _packetIds = new();
    private readonly InflightPublishes _inflight;
    private readonly DropCounter _outgoingDrops;
    private readonly DropCounter _incomingDrops;
    private readonly Channel<MqttApplicationMessage> _incoming;
    private readonly Dictionary<string, MqttQos> _subscriptions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly object _publishGate = new();
    private readonly object _subscriptionGate = new();
    private readonly object _lifecycleGate = new();
    private long _retainedVersion;
    private Task? _loop;
    private volatile bool _stopRequested;
    private bool _disposed;
    private volatile bool _isConnected;

    // Set while a connection is established; guarded by _subscriptionGate so that a subscription
    // added concurrently is either in the reconnect snapshot or sent by SubscribeAsync itself.
    private MqttConnection? _connection;

    /// <summary>Creates a client; nothing happens on the network until <see cref="StartAsync"/>.</summary>
    /// <exception cref="ArgumentException">The options are not usable (see <see cref="MqttClientOptions.Validate"/>).</exception>
    public MqttClient(MqttClientOptions options, TimeProvider timeProvider, ILogger<MqttClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _options = options.Clone();
        _time = timeProvider;
        _logger = logger;
        _outbound = new OutboundQueue(_options.QueueCapacity);
        _inflight = new InflightPublishes(_packetIds, MaxInflight);
        _outgoingDrops = new DropCounter(timeProvider, DropLogInterval);
        _incomingDrops = new DropCounter(timeProvider, DropLogInterval);
        _incoming = Channel.CreateBounded<MqttApplicationMessage>(
            new BoundedChannelOptions(_options.IncomingQueueCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleWriter = true,
            },
            _ => OnIncomingDropped());
    }

    /// <summary>
    /// Raised with true when a connection is established (CONNACK accepted) and with false when
    /// it is lost. Handlers run on the connection loop: keep them short; exceptions are logged.
    /// </summary>
    public event Action<bool>? ConnectionChanged;

    /// <summary>Whether a connection to the broker is established right now.</summary>
    public bool IsConnected => _isConnected;

    /// <summary>
    /// Messages received for the subscriptions. A reader that falls behind loses the oldest ones
    /// (see <see cref="MqttClientOptions.IncomingQueueCapacity"/>) rather than stalling the
    /// connection. Completed when the client stops.
    /// </summary>
    public ChannelReader<MqttApplicationMessage> Messages => _incoming.Reader;

    /// <summary>Outgoing messages dropped because the queue was full, since the client was created.</summary>
    public long DroppedMessageCount => _outgoingDrops.Total;

    /// <summary>Received messages dropped because nobody read <see cref="Messages"/> in time.</summary>
    public long DroppedIncomingMessageCount => _incomingDrops.Total;

    /// <summary>Outgoing messages waiting to be sent (not counting QoS 1 messages awaiting PUBACK).</summary>
    public int PendingMessageCount => _outbound.Count;

    /// <summary>
    /// Starts the background loop that connects, and reconnects with backoff whenever the
    /// connection fails. Returns at once, without waiting for the broker.
    /// </summary>
    /// <exception cref="InvalidOperationException">Already started or stopped.</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lifecycleGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_loop is not null || _stopRequested)
            {
                throw new InvalidOperationException("The MQTT client can be started only once.");
            }

            _loop = Task.Run(RunAsync, CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops the client. When connected it sends what is queued, waits (up to
    /// <see cref="MqttClientOptions.OperationTimeout"/>) for QoS 1 acknowledgements, then sends
    /// DISCONNECT, so the broker does not publish the will. When not connected, queued messages
    /// are abandoned. When <paramref name="cancellationToken"/> fires first, the connection is cut
    /// instead. <see cref="Messages"/> completes; the client cannot be started again.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task? loop;
        lock (_lifecycleGate)
        {
            _stopRequested = true;
            loop = _loop;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            try
            {
                await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await _abort.CancelAsync().ConfigureAwait(false);
                await loop.ConfigureAwait(false);
            }
        }

        _incoming.Writer.TryComplete();
    }

    /// <summary>Stops as <see cref="StopAsync"/> does, allowing <see cref="MqttClientOptions.OperationTimeout"/> for it.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_lifecycleGate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        using (var timeout = new CancellationTokenSource(_options.OperationTimeout, _time))
        {
            await StopAsync(timeout.Token).ConfigureAwait(false);
        }

        _stopping.Dispose();
        _abort.Dispose();
    }

    /// <summary>
    /// Queues a message for publishing and returns at once. When the queue is full the oldest
    /// non-retained message is dropped (and counted in <see cref="DroppedMessageCount"/>). A
    /// retained message is also remembered per topic and re-published after every reconnect; an
    /// empty retained payload clears the topic.
    /// </summary>
    /// <returns>True when queued; false when the client is stopping or the message exceeds <see cref="MqttClientOptions.MaxPacketSize"/>.</returns>
    /// <exception cref="ArgumentException">The topic is not a valid topic name, or QoS 2 was asked for.</exception>
    public bool Publish(string topic, ReadOnlyMemory<byte> payload, MqttQos qos = MqttQos.AtLeastOnce, bool retain = false)
    {
        MqttTopic.ValidateTopicName(topic);
        RequireSupportedQos(qos);
        if (_stopRequested)
        {
            return false;
        }

        MqttStrings.TryGetByteCount(topic, out var topicBytes);
        var size = MqttPacketEncoder.GetPublishSize(topicBytes, payload.Length, qos);
        if (size > _options.MaxPacketSize)
        {
            _logger.PublishTooLarge(topic, size, _options.MaxPacketSize);
            return false;
        }

        OutgoingMessage? dropped;
        lock (_publishGate)
        {
            // One lock for store and queue: concurrent publishers to one topic must leave both in the same order.
            var message = new OutgoingMessage(topic, payload.ToArray(), qos, retain, retain ? ++_retainedVersion : 0);
            if (retain)
            {
                _retained.Remember(message);
            }

            dropped = _outbound.Enqueue(message);
        }

        if (dropped is not null && _outgoingDrops.Record(out var droppedSinceReport))
        {
            _logger.OutgoingDropped(_options.QueueCapacity, droppedSinceReport, _outgoingDrops.Total);
        }

        return true;
    }

    /// <summary>Queues a message with a UTF-8 payload; see <see cref="Publish(string, ReadOnlyMemory{byte}, MqttQos, bool)"/>.</summary>
    public bool Publish(string topic, string payload, MqttQos qos = MqttQos.AtLeastOnce, bool retain = false) =>
        Publish(topic, Encoding.UTF8.GetBytes(payload), qos, retain);

    /// <summary>
    /// Subscribes to <paramref name="topicFilter"/> now (if connected) and after every reconnect.
    /// Completes when the broker acknowledged it, or at once when not connected; if the connection
    /// breaks meanwhile it also completes, and the next connection subscribes again.
    /// </summary>
    /// <exception cref="ArgumentException">The filter is invalid, or QoS 2 was asked for.</exception>
    /// <exception cref="MqttSubscriptionRefusedException">The broker refused; the filter is forgotten.</exception>
    public async Task SubscribeAsync(string topicFilter, MqttQos qos, CancellationToken cancellationToken)
    {
        MqttTopicFilter.Validate(topicFilter);
        RequireSupportedQos(qos);
        ObjectDisposedException.ThrowIf(_disposed, this);
        MqttConnection? connection;
        lock (_subscriptionGate)
        {
            _subscriptions[topicFilter] = qos;
            connection = _connection;
        }

        if (connection is null)
        {
            return;
        }

        var granted = await SubscribeOnAsync(connection, topicFilter, qos, cancellationToken).ConfigureAwait(false);
        if (granted == false)
        {
            lock (_subscriptionGate)
            {
                _subscriptions.Remove(topicFilter);
            }

            throw new MqttSubscriptionRefusedException(topicFilter);
        }
    }

    /// <summary>
    /// Forgets the subscription and, if connected, unsubscribes. Completes when the broker
    /// acknowledged, or at once when not connected.
    /// </summary>
    public async Task UnsubscribeAsync(string topicFilter, CancellationToken cancellationToken)
    {
        MqttTopicFilter.Validate(topicFilter);
        ObjectDisposedException.ThrowIf(_disposed, this);
        MqttConnection? connection;
        lock (_subscriptionGate)
        {
            _subscriptions.Remove(topicFilter);
            connection = _connection;
        }

        if (connection is not null)
        {
            await UnsubscribeOnAsync(connection, topicFilter, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Cuts the connection without DISCONNECT (a TCP reset), as a crash would; the client then reconnects.</summary>
    internal void DropConnectionForTesting()
    {
        MqttConnection? connection;
        lock (_subscriptionGate)
        {
            connection = _connection;
        }

        // Outside the lock: aborting runs cancellation callbacks synchronously.
        connection?.Abort();
    }

    private static void RequireSupportedQos(MqttQos qos)
    {
        if (qos is not (MqttQos.AtMostOnce or MqttQos.AtLeastOnce))
        {
            throw new ArgumentOutOfRangeException(nameof(qos), qos, "This client supports QoS 0 and 1.");
        }
    }

    private void OnIncomingDropped()
    {
        if (_incomingDrops.Record(out var droppedSinceReport))
        {
            _logger.IncomingDropped(_options.IncomingQueueCapacity, droppedSinceReport, _incomingDrops.Total);
        }
    }
}
