namespace ChargingHub.Mqtt;

/// <summary>What exactly was wrong with bytes that claimed to be an MQTT packet.</summary>
public enum MqttProtocolError
{
    /// <summary>The remaining-length field is longer than 4 bytes or not minimally encoded.</summary>
    MalformedRemainingLength,

    /// <summary>The packet is larger than the configured maximum packet size.</summary>
    PacketTooLarge,

    /// <summary>The packet type is reserved (0, 15) or one this client does not support (QoS 2 flow).</summary>
    UnsupportedPacketType,

    /// <summary>Reserved flag bits of the fixed header or of a flags byte have the wrong value.</summary>
    InvalidFlags,

    /// <summary>A QoS value of 3, or a QoS the client never asked for.</summary>
    InvalidQos,

    /// <summary>A packet identifier of 0 where a non-zero one is required.</summary>
    InvalidPacketId,

    /// <summary>A string is not well-formed UTF-8, contains U+0000 or is longer than 65 535 bytes.</summary>
    InvalidString,

    /// <summary>A topic name is empty or contains a wildcard.</summary>
    InvalidTopic,

    /// <summary>The packet or the stream ended in the middle of a field.</summary>
    Truncated,

    /// <summary>The packet's structure is wrong in some other way (wrong length, trailing bytes, empty lists).</summary>
    MalformedPacket,

    /// <summary>A well-formed packet that the broker must not send, or not at this point.</summary>
    UnexpectedPacket,
}
