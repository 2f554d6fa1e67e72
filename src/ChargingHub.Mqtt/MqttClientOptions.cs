using ChargingHub.Mqtt.Protocol;

namespace ChargingHub.Mqtt;

/// <summary>Settings of an <see cref="MqttClient"/>. Checked by <see cref="Validate"/> when the client is created.</summary>
public sealed class MqttClientOptions
{
    /// <summary>The default for <see cref="MaxPacketSize"/>: 256 KiB.</summary>
    public const int DefaultMaxPacketSize = 256 * 1024;

    /// <summary>The largest packet MQTT can express: a 4-byte remaining length of 268 435 455 plus the fixed header.</summary>
    public const int ProtocolMaxPacketSize = 268_435_455 + 5;

    /// <summary>Host name or IP address of the broker. Required.</summary>
    public string Host { get; set; } = "";

    /// <summary>TCP port of the broker; 1883 by default (8883 is customary with TLS).</summary>
    public int Port { get; set; } = 1883;

    /// <summary>
    /// The client identifier. Must be unique per broker: a second connection with the same id
    /// makes the broker drop the first. May be empty only with <see cref="CleanSession"/>.
    /// </summary>
    public string ClientId { get; set; } = "";

    /// <summary>User name, if the broker requires one.</summary>
    public string? Username { get; set; }

    /// <summary>Password; MQTT 3.1.1 allows it only together with <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>Connect with TLS (<see cref="System.Net.Security.SslStream"/>).</summary>
    public bool UseTls { get; set; }

    /// <summary>The name the broker's certificate must carry; <see cref="Host"/> when null.</summary>
    public string? TlsTargetHost { get; set; }

    /// <summary>
    /// Accept any broker certificate, including self-signed and mismatched ones. This gives up
    /// protection against an impostor broker; it is meant for a self-signed broker on a home network.
    /// </summary>
    public bool AllowUntrustedCertificates { get; set; }

    /// <summary>
    /// The keep-alive interval: the client pings when nothing was sent or received for this long.
    /// Sent to the broker rounded up to whole seconds; <see cref="TimeSpan.Zero"/> turns keep-alive off.
    /// </summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long after a ping the client waits for any packet before it declares the connection dead
    /// and reconnects.
    /// </summary>
    public TimeSpan PingResponseTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the client waits for the broker: to connect (TCP, TLS, CONNACK), to acknowledge a
    /// (un)subscription, and to acknowledge outstanding messages when stopping.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Ask the broker to start a fresh session on every connection.</summary>
    public bool CleanSession { get; set; } = true;

    /// <summary>The last will, or null for none.</summary>
    public MqttWill? Will { get; set; }

    /// <summary>The first delay before reconnecting.</summary>
    public TimeSpan ReconnectDelayMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The delay before reconnecting doubles (with jitter) after each failure up to this.</summary>
    public TimeSpan ReconnectDelayMax { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many outgoing messages wait while the broker is unreachable or slow. When full, the
    /// oldest non-retained message is dropped (retained state is kept separately anyway).
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// How many received messages wait for the reader of <see cref="MqttClient.Messages"/>.
    /// When full, the oldest is dropped so a slow reader never stalls the connection.
    /// </summary>
    public int IncomingQueueCapacity { get; set; } = 1_000;

    /// <summary>
    /// The largest packet, fixed header included, the client accepts from the broker or builds
    /// itself. A larger incoming packet is a protocol error; a larger publish is refused.
    /// </summary>
    public int MaxPacketSize { get; set; } = DefaultMaxPacketSize;

    internal MqttClientOptions Clone() => (MqttClientOptions)MemberwiseClone();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is not usable.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("The broker host is required.", nameof(Host));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 1, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
        if (!MqttStrings.IsEncodable(ClientId))
        {
            throw new ArgumentException("The client id must be at most 65 535 UTF-8 bytes without U+0000.", nameof(ClientId));
        }

        if (ClientId.Length == 0 && !CleanSession)
        {
            throw new ArgumentException("An empty client id needs CleanSession (MQTT-3.1.3-7).", nameof(ClientId));
        }

        if (Username is not null && !MqttStrings.IsEncodable(Username))
        {
            throw new ArgumentException("The user name must be at most 65 535 UTF-8 bytes without U+0000.", nameof(Username));
        }

        if (Password is not null && Username is null)
        {
            throw new ArgumentException("MQTT 3.1.1 allows a password only with a user name (MQTT-3.1.2-22).", nameof(Password));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(KeepAlive, TimeSpan.Zero, nameof(KeepAlive));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(KeepAlive, TimeSpan.FromSeconds(ushort.MaxValue), nameof(KeepAlive));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PingResponseTimeout, TimeSpan.Zero, nameof(PingResponseTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(OperationTimeout, TimeSpan.Zero, nameof(OperationTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReconnectDelayMin, TimeSpan.Zero, nameof(ReconnectDelayMin));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectDelayMax, ReconnectDelayMin, nameof(ReconnectDelayMax));
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueCapacity, 1, nameof(QueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(IncomingQueueCapacity, 1, nameof(IncomingQueueCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPacketSize, 128, nameof(MaxPacketSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxPacketSize, ProtocolMaxPacketSize, nameof(MaxPacketSize));
        if (Will is { } will)
        {
            MqttTopic.ValidateTopicName(will.Topic);
            if (will.Qos is < MqttQos.AtMostOnce or > MqttQos.ExactlyOnce)
            {
                throw new ArgumentOutOfRangeException(nameof(Will), "The will's QoS must be 0, 1 or 2.");
            }

            if (will.Payload.Length > ushort.MaxValue)
            {
                throw new ArgumentException("The will's payload must be at most 65 535 bytes.", nameof(Will));
            }
        }
    }
}
