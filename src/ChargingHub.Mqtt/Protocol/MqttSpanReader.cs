using System.Buffers.Binary;

namespace ChargingHub.Mqtt.Protocol;

/// <summary>Reads the fields of one packet's variable header and payload, refusing to run past its end.</summary>
internal ref struct MqttSpanReader(ReadOnlySpan<byte> span)
{
    private readonly ReadOnlySpan<byte> _span = span;
    private int _position;

    public readonly int Remaining => _span.Length - _position;

    public byte ReadByte()
    {
        Need(1);
        return _span[_position++];
    }

    public ushort ReadUInt16()
    {
        Need(2);
        var value = BinaryPrimitives.ReadUInt16BigEndian(_span[_position..]);
        _position += 2;
        return value;
    }

    public ushort ReadPacketId(string packetName)
    {
        var id = ReadUInt16();
        return id != 0
            ? id
            : throw new MqttProtocolException(MqttProtocolError.InvalidPacketId, $"{packetName} has packet identifier 0 (MQTT-2.3.1-1).");
    }

    public string ReadString() => MqttStrings.Decode(ReadLengthPrefixed());

    public byte[] ReadBinary() => ReadLengthPrefixed().ToArray();

    /// <summary>Copies what is left: the decoded packet must not point into a buffer that gets reused.</summary>
    public byte[] ReadRest()
    {
        var rest = _span[_position..].ToArray();
        _position = _span.Length;
        return rest;
    }

    public readonly void EnsureEnd(string packetName)
    {
        if (Remaining != 0)
        {
            throw new MqttProtocolException(MqttProtocolError.MalformedPacket, $"{packetName} has {Remaining} unexpected trailing bytes.");
        }
    }

    private ReadOnlySpan<byte> ReadLengthPrefixed()
    {
        var length = ReadUInt16();
        Need(length);
        var bytes = _span.Slice(_position, length);
        _position += length;
        return bytes;
    }

    private readonly void Need(int count)
    {
        if (Remaining < count)
        {
            throw new MqttProtocolException(MqttProtocolError.Truncated, "The packet ends in the middle of a field.");
        }
    }
}
