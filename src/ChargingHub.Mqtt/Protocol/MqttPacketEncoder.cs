using System.Buffers;

namespace ChargingHub.Mqtt.Protocol;

/// <summary>
/// Turns packets into bytes. Refuses (with <see cref="ArgumentException"/>) to build a packet the
/// decoder would reject, so a bug shows up here rather than as a broker disconnecting us.
/// </summary>
internal static class MqttPacketEncoder
{
    private const byte ProtocolLevel = 4;

    public static byte[] Encode(MqttPacket packet)
    {
        var body = new ArrayBufferWriter<byte>();
        var firstByte = packet switch
        {
            ConnectPacket connect => WriteConnect(body, connect),
            ConnAckPacket connAck => WriteConnAck(body, connAck),
            PublishPacket publish => WritePublish(body, publish),
            PubAckPacket pubAck => WritePacketIdOnly(body, MqttPacketType.PubAck, pubAck.PacketId),
            SubscribePacket subscribe => WriteSubscribe(body, subscribe),
            SubAckPacket subAck => WriteSubAck(body, subAck),
            UnsubscribePacket unsubscribe => WriteUnsubscribe(body, unsubscribe),
            UnsubAckPacket unsubAck => WritePacketIdOnly(body, MqttPacketType.UnsubAck, unsubAck.PacketId),
            PingReqPacket or PingRespPacket or DisconnectPacket => (byte)((int)packet.Type << 4),
            _ => throw new ArgumentException($"Cannot encode {packet.GetType().Name}.", nameof(packet)),
        };
        return Frame(firstByte, body.WrittenSpan);
    }

    /// <summary>The encoded size of a PUBLISH, to refuse oversized messages before queueing them.</summary>
    public static long GetPublishSize(int topicByteCount, int payloadLength, MqttQos qos)
    {
        long remaining = 2L + topicByteCount + (qos == MqttQos.AtMostOnce ? 0 : 2) + payloadLength;
        return remaining > MqttWire.MaxRemainingLength ? long.MaxValue : 1 + MqttWire.GetRemainingLengthSize((int)remaining) + remaining;
    }

    private static byte[] Frame(byte firstByte, ReadOnlySpan<byte> body)
    {
        var lengthSize = MqttWire.GetRemainingLengthSize(body.Length);
        var packet = new byte[1 + lengthSize + body.Length];
        packet[0] = firstByte;
        MqttWire.WriteRemainingLength(packet.AsSpan(1), body.Length);
        body.CopyTo(packet.AsSpan(1 + lengthSize));
        return packet;
    }

    private static byte WriteConnect(ArrayBufferWriter<byte> body, ConnectPacket connect)
    {
        if (connect.Password is not null && connect.Username is null)
        {
            throw new ArgumentException("A password needs a user name (MQTT-3.1.2-22).", nameof(connect));
        }

        var flags = connect.CleanSession ? 0x02 : 0;
        if (connect.Will is { } will)
        {
            RequireTopicName(will.Topic);
            RequireQos(will.Qos);
            flags |= 0x04 | ((int)will.Qos << 3) | (will.Retain ? 0x20 : 0);
        }

        flags |= connect.Password is null ? 0 : 0x40;
        flags |= connect.Username is null ? 0 : 0x80;

        MqttStrings.Write(body, "MQTT");
        MqttWire.WriteByte(body, ProtocolLevel);
        MqttWire.WriteByte(body, (byte)flags);
        MqttWire.WriteUInt16(body, connect.KeepAliveSeconds);
        MqttStrings.Write(body, connect.ClientId);
        if (connect.Will is { } w)
        {
            MqttStrings.Write(body, w.Topic);
            MqttWire.WriteBinary(body, w.Payload.Span);
        }

        if (connect.Username is not null)
        {
            MqttStrings.Write(body, connect.Username);
        }

        if (connect.Password is not null)
        {
            MqttWire.WriteBinary(body, connect.Password);
        }

        return (byte)MqttPacketType.Connect << 4;
    }

    private static byte WriteConnAck(ArrayBufferWriter<byte> body, ConnAckPacket connAck)
    {
        if (connAck.SessionPresent && connAck.ReturnCode != MqttConnectReturnCode.Accepted)
        {
            throw new ArgumentException("A refusing CONNACK cannot have a session (MQTT-3.2.2-4).", nameof(connAck));
        }

        MqttWire.WriteByte(body, connAck.SessionPresent ? (byte)1 : (byte)0);
        MqttWire.WriteByte(body, (byte)connAck.ReturnCode);
        return (byte)MqttPacketType.ConnAck << 4;
    }

    private static byte WritePublish(ArrayBufferWriter<byte> body, PublishPacket publish)
    {
        RequireTopicName(publish.Topic);
        RequireQos(publish.Qos);
        if (publish.Qos == MqttQos.AtMostOnce)
        {
            if (publish.PacketId != 0 || publish.Dup)
            {
                throw new ArgumentException("A QoS 0 PUBLISH has neither packet id nor DUP (MQTT-2.3.1-5, MQTT-3.3.1-2).", nameof(publish));
            }
        }
        else
        {
            RequirePacketId(publish.PacketId);
        }

        MqttStrings.Write(body, publish.Topic);
        if (publish.Qos != MqttQos.AtMostOnce)
        {
            MqttWire.WriteUInt16(body, publish.PacketId);
        }

        body.Write(publish.Payload.Span);
        var flags = (publish.Dup ? 0x08 : 0) | ((int)publish.Qos << 1) | (publish.Retain ? 0x01 : 0);
        return (byte)(((int)MqttPacketType.Publish << 4) | flags);
    }

    private static byte WritePacketIdOnly(ArrayBufferWriter<byte> body, MqttPacketType type, ushort packetId)
    {
        RequirePacketId(packetId);
        MqttWire.WriteUInt16(body, packetId);
        return (byte)((int)type << 4);
    }

    private static byte WriteSubscribe(ArrayBufferWriter<byte> body, SubscribePacket subscribe)
    {
        RequirePacketId(subscribe.PacketId);
        RequireNotEmpty(subscribe.Subscriptions.Count);
        MqttWire.WriteUInt16(body, subscribe.PacketId);
        foreach (var subscription in subscribe.Subscriptions)
        {
            MqttTopicFilter.Validate(subscription.TopicFilter);
            RequireQos(subscription.Qos);
            MqttStrings.Write(body, subscription.TopicFilter);
            MqttWire.WriteByte(body, (byte)subscription.Qos);
        }

        // SUBSCRIBE and UNSUBSCRIBE carry the fixed flags 0010 (MQTT-3.8.1-1, MQTT-3.10.1-1).
        return ((int)MqttPacketType.Subscribe << 4) | 0x02;
    }

    private static byte WriteSubAck(ArrayBufferWriter<byte> body, SubAckPacket subAck)
    {
        RequirePacketId(subAck.PacketId);
        RequireNotEmpty(subAck.ReturnCodes.Count);
        MqttWire.WriteUInt16(body, subAck.PacketId);
        foreach (var code in subAck.ReturnCodes)
        {
            if (code is > 2 and not SubAckPacket.Failure)
            {
                throw new ArgumentException($"SUBACK return code {code} is not 0, 1, 2 or 0x80.", nameof(subAck));
            }

            MqttWire.WriteByte(body, code);
        }

        return (byte)MqttPacketType.SubAck << 4;
    }

    private static byte WriteUnsubscribe(ArrayBufferWriter<byte> body, UnsubscribePacket unsubscribe)
    {
        RequirePacketId(unsubscribe.PacketId);
        RequireNotEmpty(unsubscribe.TopicFilters.Count);
        MqttWire.WriteUInt16(body, unsubscribe.PacketId);
        foreach (var filter in unsubscribe.TopicFilters)
        {
            MqttTopicFilter.Validate(filter);
            MqttStrings.Write(body, filter);
        }

        return ((int)MqttPacketType.Unsubscribe << 4) | 0x02;
    }

    private static void RequireTopicName(string topic) => MqttTopic.ValidateTopicName(topic);

    private static void RequireQos(MqttQos qos)
    {
        if (qos is < MqttQos.AtMostOnce or > MqttQos.ExactlyOnce)
        {
            throw new ArgumentOutOfRangeException(nameof(qos), qos, "Not a valid QoS.");
        }
    }

    private static void RequirePacketId(ushort packetId)
    {
        if (packetId == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(packetId), "Packet identifier 0 is not allowed (MQTT-2.3.1-1).");
        }
    }

    private static void RequireNotEmpty(int count)
    {
        if (count == 0)
        {
            throw new ArgumentException("The packet needs at least one entry (MQTT-3.8.3-3, MQTT-3.10.3-2).", nameof(count));
        }
    }
}
