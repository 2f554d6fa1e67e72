namespace ChargingHub.Mqtt.Protocol;

// The packets this client speaks (QoS 2 flow excluded). Payload fields are owned copies.

internal abstract record MqttPacket
{
    public abstract MqttPacketType Type { get; }
}

internal sealed record ConnectPacket(
    string ClientId,
    ushort KeepAliveSeconds,
    bool CleanSession,
    MqttWill? Will = null,
    string? Username = null,
    byte[]? Password = null) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Connect;
}

internal sealed record ConnAckPacket(bool SessionPresent, MqttConnectReturnCode ReturnCode) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.ConnAck;
}

/// <summary>PUBLISH. <see cref="PacketId"/> is 0 exactly when <see cref="Qos"/> is 0.</summary>
internal sealed record PublishPacket(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQos Qos,
    bool Retain,
    bool Dup,
    ushort PacketId) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Publish;
}

internal sealed record PubAckPacket(ushort PacketId) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.PubAck;
}

internal sealed record MqttSubscription(string TopicFilter, MqttQos Qos);

internal sealed record SubscribePacket(ushort PacketId, IReadOnlyList<MqttSubscription> Subscriptions) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Subscribe;
}

/// <summary>SUBACK; one return code per requested filter: the granted QoS, or <see cref="Failure"/>.</summary>
internal sealed record SubAckPacket(ushort PacketId, IReadOnlyList<byte> ReturnCodes) : MqttPacket
{
    public const byte Failure = 0x80;

    public override MqttPacketType Type => MqttPacketType.SubAck;
}

internal sealed record UnsubscribePacket(ushort PacketId, IReadOnlyList<string> TopicFilters) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Unsubscribe;
}

internal sealed record UnsubAckPacket(ushort PacketId) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.UnsubAck;
}

internal sealed record PingReqPacket : MqttPacket
{
    public static readonly PingReqPacket Instance = new();

    public override MqttPacketType Type => MqttPacketType.PingReq;
}

internal sealed record PingRespPacket : MqttPacket
{
    public static readonly PingRespPacket Instance = new();

    public override MqttPacketType Type => MqttPacketType.PingResp;
}

internal sealed record DisconnectPacket : MqttPacket
{
    public static readonly DisconnectPacket Instance = new();

    public override MqttPacketType Type => MqttPacketType.Disconnect;
}
