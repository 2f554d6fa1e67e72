using System.Diagnostics.CodeAnalysis;

namespace ChargingHub.Mqtt.Protocol;

/// <summary>
/// Turns bytes into packets, strictly: anything MQTT 3.1.1 calls malformed becomes a
/// <see cref="MqttProtocolException"/>, because guessing at a broken stream only moves the
/// failure somewhere harder to diagnose.
/// </summary>
internal static class MqttPacketDecoder
{
    /// <summary>
    /// Decodes the first packet in <paramref name="buffer"/>. Returns false when the buffer holds
    /// only part of it; the size limit is checked as soon as the length is known, before the body arrives.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> buffer, int maxPacketSize, [NotNullWhen(true)] out MqttPacket? packet, out int consumed)
    {
        packet = null;
        consumed = 0;
        if (buffer.IsEmpty)
        {
            return false;
        }

        var firstByte = buffer[0];
        ValidateFixedHeader(firstByte);
        if (!MqttWire.TryReadRemainingLength(buffer[1..], out var remainingLength, out var lengthSize))
        {
            return false;
        }

        var total = 1 + lengthSize + remainingLength;
        if (total > maxPacketSize)
        {
            throw new MqttProtocolException(MqttProtocolError.PacketTooLarge, $"A packet of {total} bytes exceeds the limit of {maxPacketSize} bytes.");
        }

        if (buffer.Length < total)
        {
            return false;
        }

        packet = DecodeBody(firstByte, buffer.Slice(1 + lengthSize, remainingLength));
        consumed = total;
        return true;
    }

    /// <summary>Decodes a buffer that must hold exactly one whole packet.</summary>
    public static MqttPacket Decode(ReadOnlySpan<byte> packetBytes, int maxPacketSize = MqttClientOptions.DefaultMaxPacketSize)
    {
        if (!TryDecode(packetBytes, maxPacketSize, out var packet, out var consumed))
        {
            throw new MqttProtocolException(MqttProtocolError.Truncated, "The buffer ends before the packet does.");
        }

        return consumed == packetBytes.Length
            ? packet
            : throw new MqttProtocolException(MqttProtocolError.MalformedPacket, $"{packetBytes.Length - consumed} bytes follow the packet.");
    }

    /// <summary>Checks the packet type and the flag bits that table 2.2 of the spec fixes for it.</summary>
    private static void ValidateFixedHeader(byte firstByte)
    {
        var type = (MqttPacketType)(firstByte >> 4);
        var flags = firstByte & 0x0F;
        switch (type)
        {
            case MqttPacketType.Publish:
                var qos = (flags >> 1) & 0x03;
                if (qos == 3)
                {
                    throw new MqttProtocolException(MqttProtocolError.InvalidQos, "PUBLISH has QoS 3 (MQTT-3.3.1-4).");
                }

                if (qos == 0 && (flags & 0x08) != 0)
                {
                    throw new MqttProtocolException(MqttProtocolError.InvalidFlags, "A QoS 0 PUBLISH has the DUP flag (MQTT-3.3.1-2).");
                }

                return;
            case MqttPacketType.Subscribe or MqttPacketType.Unsubscribe:
                RequireFlags(type, flags, 0x02);
                return;
            case MqttPacketType.Connect or MqttPacketType.ConnAck or MqttPacketType.PubAck or MqttPacketType.SubAck
                or MqttPacketType.UnsubAck or MqttPacketType.PingReq or MqttPacketType.PingResp or MqttPacketType.Disconnect:
                RequireFlags(type, flags, 0x00);
                return;
            case MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp:
                throw new MqttProtocolException(MqttProtocolError.UnsupportedPacketType, $"{type} belongs to the QoS 2 flow, which this client never starts.");
            default:
                throw new MqttProtocolException(MqttProtocolError.UnsupportedPacketType, $"Packet type {(int)type} is reserved.");
        }
    }

    private static void RequireFlags(MqttPacketType type, int flags, int expected)
    {
        if (flags != expected)
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidFlags, $"{type} has header flags 0x{flags:X} instead of 0x{expected:X} (MQTT-2.2.2-2).");
        }
    }

    private static MqttPacket DecodeBody(byte firstByte, ReadOnlySpan<byte> body)
    {
        var reader = new MqttSpanReader(body);
        var type = (MqttPacketType)(firstByte >> 4);
        MqttPacket packet = type switch
        {
            MqttPacketType.Connect => ReadConnect(ref reader),
            MqttPacketType.ConnAck => ReadConnAck(ref reader),
            MqttPacketType.Publish => ReadPublish(ref reader, firstByte),
            MqttPacketType.PubAck => new PubAckPacket(reader.ReadPacketId("PUBACK")),
            MqttPacketType.Subscribe => ReadSubscribe(ref reader),
            MqttPacketType.SubAck => ReadSubAck(ref reader),
            MqttPacketType.Unsubscribe => ReadUnsubscribe(ref reader),
            MqttPacketType.UnsubAck => new UnsubAckPacket(reader.ReadPacketId("UNSUBACK")),
            MqttPacketType.PingReq => PingReqPacket.Instance,
            MqttPacketType.PingResp => PingRespPacket.Instance,
            MqttPacketType.Disconnect => DisconnectPacket.Instance,
            _ => throw new MqttProtocolException(MqttProtocolError.UnsupportedPacketType, $"Packet type {(int)type} is not supported."),
        };
        reader.EnsureEnd(type.ToString().ToUpperInvariant());
        return packet;
    }

    private static ConnectPacket ReadConnect(ref MqttSpanReader reader)
    {
        var protocolName = reader.ReadString();
        var level = reader.ReadByte();
        if (protocolName != "MQTT" || level != 4)
        {
            throw new MqttProtocolException(MqttProtocolError.MalformedPacket, $"CONNECT is for protocol '{protocolName}' level {level}, not MQTT 3.1.1.");
        }

        var flags = reader.ReadByte();
        if ((flags & 0x01) != 0)
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidFlags, "CONNECT has the reserved flag set (MQTT-3.1.2-3).");
        }

        var hasWill = (flags & 0x04) != 0;
        var willQos = (flags >> 3) & 0x03;
        var willRetain = (flags & 0x20) != 0;
        if (willQos == 3)
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidQos, "CONNECT has will QoS 3 (MQTT-3.1.2-14).");
        }

        if (!hasWill && (willQos != 0 || willRetain))
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidFlags, "CONNECT has will QoS or retain without a will (MQTT-3.1.2-13, MQTT-3.1.2-15).");
        }

        var hasUsername = (flags & 0x80) != 0;
        var hasPassword = (flags & 0x40) != 0;
        if (hasPassword && !hasUsername)
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidFlags, "CONNECT has a password without a user name (MQTT-3.1.2-22).");
        }

        var keepAlive = reader.ReadUInt16();
        var clientId = reader.ReadString();
        MqttWill? will = null;
        if (hasWill)
        {
            var willTopic = reader.ReadString();
            RequireTopicName(willTopic);
            will = new MqttWill(willTopic, reader.ReadBinary(), (MqttQos)willQos, willRetain);
        }

        var username = hasUsername ? reader.ReadString() : null;
        var password = hasPassword ? reader.ReadBinary() : null;
        return new ConnectPacket(clientId, keepAlive, (flags & 0x02) != 0, will, username, password);
    }

    private static ConnAckPacket ReadConnAck(ref MqttSpanReader reader)
    {
        var acknowledgeFlags = reader.ReadByte();
        if ((acknowledgeFlags & 0xFE) != 0)
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidFlags, "CONNACK has reserved acknowledge flags set.");
        }

        var returnCode = (MqttConnectReturnCode)reader.ReadByte();
        var sessionPresent = acknowledgeFlags == 1;
        if (sessionPresent && returnCode != MqttConnectReturnCode.Accepted)
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidFlags, "A refusing CONNACK claims a session (MQTT-3.2.2-4).");
        }

        return new ConnAckPacket(sessionPresent, returnCode);
    }

    private static PublishPacket ReadPublish(ref MqttSpanReader reader, byte firstByte)
    {
        var qos = (MqttQos)((firstByte >> 1) & 0x03);
        var topic = reader.ReadString();
        RequireTopicName(topic);
        var packetId = qos == MqttQos.AtMostOnce ? (ushort)0 : reader.ReadPacketId("PUBLISH");
        return new PublishPacket(topic, reader.ReadRest(), qos, Retain: (firstByte & 0x01) != 0, Dup: (firstByte & 0x08) != 0, packetId);
    }

    private static SubscribePacket ReadSubscribe(ref MqttSpanReader reader)
    {
        var packetId = reader.ReadPacketId("SUBSCRIBE");
        var subscriptions = new List<MqttSubscription>();
        while (reader.Remaining > 0)
        {
            var filter = reader.ReadString();
            if (MqttTopicFilter.GetError(filter) is { } error)
            {
                throw new MqttProtocolException(MqttProtocolError.InvalidTopic, error);
            }

            var options = reader.ReadByte();
            if ((options & 0xFC) != 0)
            {
                throw new MqttProtocolException(MqttProtocolError.InvalidFlags, "SUBSCRIBE has reserved option bits set (MQTT-3.8.3-4).");
            }

            if ((options & 0x03) == 3)
            {
                throw new MqttProtocolException(MqttProtocolError.InvalidQos, "SUBSCRIBE requests QoS 3 (MQTT-3.8.3-4).");
            }

            subscriptions.Add(new MqttSubscription(filter, (MqttQos)options));
        }

        RequireEntries(subscriptions.Count, "SUBSCRIBE");
        return new SubscribePacket(packetId, subscriptions);
    }

    private static SubAckPacket ReadSubAck(ref MqttSpanReader reader)
    {
        var packetId = reader.ReadPacketId("SUBACK");
        var codes = new List<byte>();
        while (reader.Remaining > 0)
        {
            var code = reader.ReadByte();
            if (code is > 2 and not SubAckPacket.Failure)
            {
                throw new MqttProtocolException(MqttProtocolError.MalformedPacket, $"SUBACK return code 0x{code:X2} is reserved (MQTT-3.9.3-2).");
            }

            codes.Add(code);
        }

        RequireEntries(codes.Count, "SUBACK");
        return new SubAckPacket(packetId, codes);
    }

    private static UnsubscribePacket ReadUnsubscribe(ref MqttSpanReader reader)
    {
        var packetId = reader.ReadPacketId("UNSUBSCRIBE");
        var filters = new List<string>();
        while (reader.Remaining > 0)
        {
            var filter = reader.ReadString();
            if (MqttTopicFilter.GetError(filter) is { } error)
            {
                throw new MqttProtocolException(MqttProtocolError.InvalidTopic, error);
            }

            filters.Add(filter);
        }

        RequireEntries(filters.Count, "UNSUBSCRIBE");
        return new UnsubscribePacket(packetId, filters);
    }

    private static void RequireTopicName(string topic)
    {
        if (MqttTopic.GetTopicNameError(topic) is { } error)
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidTopic, error);
        }
    }

    private static void RequireEntries(int count, string packetName)
    {
        if (count == 0)
        {
            throw new MqttProtocolException(MqttProtocolError.MalformedPacket, $"{packetName} has no entries (MQTT-3.8.3-3).");
        }
    }
}
