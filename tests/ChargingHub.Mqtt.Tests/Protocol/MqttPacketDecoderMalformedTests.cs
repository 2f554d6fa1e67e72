using ChargingHub.Mqtt.Protocol;

namespace ChargingHub.Mqtt.Tests.Protocol;

public sealed class MqttPacketDecoderMalformedTests
{
    [Fact]
    public void Decode_FifthRemainingLengthByte_ThrowsMalformedRemainingLength() =>
        AssertRejected([0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], MqttProtocolError.MalformedRemainingLength);

    [Fact]
    public void Decode_FourContinuationBytesWithoutBody_ThrowsMalformedRemainingLength() =>
        AssertRejected([0xD0, 0x80, 0x80, 0x80, 0x80], MqttProtocolError.MalformedRemainingLength);

    [Theory]
    [InlineData(new byte[] { 0xD0, 0x80, 0x00 })]
    [InlineData(new byte[] { 0xE0, 0x80, 0x80, 0x00 })]
    [InlineData(new byte[] { 0x40, 0x82, 0x00, 0x00, 0x01 })]
    public void Decode_NonMinimalRemainingLength_ThrowsMalformedRemainingLength(byte[] bytes) =>
        AssertRejected(bytes, MqttProtocolError.MalformedRemainingLength);

    [Fact]
    public void TryDecode_LengthAboveLimit_ThrowsPacketTooLargeBeforeBodyArrives()
    {
        // Only the header: the limit must be enforced before buffering 2 MB.
        byte[] header = [0x30, 0x80, 0x80, 0x80, 0x01];

        var ex = Assert.Throws<MqttProtocolException>(() => MqttPacketDecoder.TryDecode(header, 1024, out _, out _));
        Assert.Equal(MqttProtocolError.PacketTooLarge, ex.Error);
    }

    [Fact]
    public void Decode_PacketExactlyAtLimit_IsAccepted()
    {
        var bytes = MqttPacketEncoder.Encode(new PublishPacket("t", new byte[200], MqttQos.AtMostOnce, false, false, 0));

        Assert.IsType<PublishPacket>(MqttPacketDecoder.Decode(bytes, bytes.Length));
        AssertRejected(bytes, MqttProtocolError.PacketTooLarge, bytes.Length - 1);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0xF0)]
    public void Decode_ReservedPacketType_ThrowsUnsupportedPacketType(byte firstByte) =>
        AssertRejected([firstByte, 0x00], MqttProtocolError.UnsupportedPacketType);

    [Theory]
    [InlineData(0x50)]
    [InlineData(0x62)]
    [InlineData(0x70)]
    public void Decode_QoS2FlowPacket_ThrowsUnsupportedPacketType(byte firstByte) =>
        AssertRejected([firstByte, 0x02, 0x00, 0x01], MqttProtocolError.UnsupportedPacketType);

    [Theory]
    [InlineData(new byte[] { 0x11, 0x00 })] // CONNECT
    [InlineData(new byte[] { 0x28, 0x02, 0x00, 0x00 })] // CONNACK
    [InlineData(new byte[] { 0x42, 0x02, 0x00, 0x01 })] // PUBACK
    [InlineData(new byte[] { 0x80, 0x06, 0x00, 0x01, 0x00, 0x01, (byte)'a', 0x00 })] // SUBSCRIBE without 0010
    [InlineData(new byte[] { 0x91, 0x03, 0x00, 0x01, 0x00 })] // SUBACK
    [InlineData(new byte[] { 0xA0, 0x05, 0x00, 0x01, 0x00, 0x01, (byte)'a' })] // UNSUBSCRIBE without 0010
    [InlineData(new byte[] { 0xB4, 0x02, 0x00, 0x01 })] // UNSUBACK
    [InlineData(new byte[] { 0xC1, 0x00 })] // PINGREQ
    [InlineData(new byte[] { 0xD8, 0x00 })] // PINGRESP
    [InlineData(new byte[] { 0xE2, 0x00 })] // DISCONNECT
    public void Decode_WrongReservedHeaderFlags_ThrowsInvalidFlags(byte[] bytes) =>
        AssertRejected(bytes, MqttProtocolError.InvalidFlags);

    [Fact]
    public void Decode_PublishQos3_ThrowsInvalidQos() =>
        AssertRejected([0x36, 0x05, 0x00, 0x01, (byte)'t', 0x00, 0x01], MqttProtocolError.InvalidQos);

    [Fact]
    public void Decode_PublishQos0WithDup_ThrowsInvalidFlags() =>
        AssertRejected([0x38, 0x03, 0x00, 0x01, (byte)'t'], MqttProtocolError.InvalidFlags);

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })] // invalid continuation
    [InlineData(new byte[] { 0xC0, 0xAF })] // overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // UTF-16 surrogate
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // above U+10FFFF
    [InlineData(new byte[] { 0xE2, 0x82 })] // cut short
    public void Decode_InvalidUtf8Topic_ThrowsInvalidString(byte[] topic) =>
        AssertRejected([0x30, (byte)(2 + topic.Length), 0x00, (byte)topic.Length, .. topic], MqttProtocolError.InvalidString);

    [Fact]
    public void Decode_TopicWithNullCharacter_ThrowsInvalidString() =>
        AssertRejected([0x30, 0x05, 0x00, 0x03, (byte)'a', 0x00, (byte)'b'], MqttProtocolError.InvalidString);

    [Fact]
    public void Decode_ClientIdWithNullCharacter_ThrowsInvalidString()
    {
        var bytes = MqttPacketEncoder.Encode(new ConnectPacket("ab", 10, true));
        bytes[^1] = 0x00;

        AssertRejected(bytes, MqttProtocolError.InvalidString);
    }

    [Theory]
    [InlineData("a/+")]
    [InlineData("a/#")]
    public void Decode_PublishTopicWithWildcard_ThrowsInvalidTopic(string topic) =>
        AssertRejected([0x30, (byte)(2 + topic.Length), 0x00, (byte)topic.Length, .. System.Text.Encoding.ASCII.GetBytes(topic)], MqttProtocolError.InvalidTopic);

    [Fact]
    public void Decode_PublishEmptyTopic_ThrowsInvalidTopic() =>
        AssertRejected([0x30, 0x03, 0x00, 0x00, (byte)'x'], MqttProtocolError.InvalidTopic);

    [Theory]
    [InlineData(new byte[] { 0x32, 0x05, 0x00, 0x01, (byte)'t', 0x00, 0x00 })] // PUBLISH QoS 1
    [InlineData(new byte[] { 0x40, 0x02, 0x00, 0x00 })] // PUBACK
    [InlineData(new byte[] { 0x82, 0x06, 0x00, 0x00, 0x00, 0x01, (byte)'a', 0x00 })] // SUBSCRIBE
    [InlineData(new byte[] { 0x90, 0x03, 0x00, 0x00, 0x00 })] // SUBACK
    [InlineData(new byte[] { 0xA2, 0x05, 0x00, 0x00, 0x00, 0x01, (byte)'a' })] // UNSUBSCRIBE
    [InlineData(new byte[] { 0xB0, 0x02, 0x00, 0x00 })] // UNSUBACK
    public void Decode_PacketIdZero_ThrowsInvalidPacketId(byte[] bytes) =>
        AssertRejected(bytes, MqttProtocolError.InvalidPacketId);

    [Theory]
    [InlineData(new byte[] { 0x30, 0x05, 0x00 })] // declared 5, has 1
    [InlineData(new byte[] { 0x40, 0x02, 0x00 })] // PUBACK cut short
    [InlineData(new byte[] { 0x30 })] // header only
    [InlineData(new byte[] { 0x30, 0x80 })] // length cut short
    public void Decode_BufferEndsEarly_ThrowsTruncated(byte[] bytes) =>
        AssertRejected(bytes, MqttProtocolError.Truncated);

    [Theory]
    [InlineData(new byte[] { 0x40, 0x01, 0x00 })] // PUBACK with a one-byte body
    [InlineData(new byte[] { 0x30, 0x03, 0x00, 0x05, (byte)'a' })] // topic longer than the packet
    [InlineData(new byte[] { 0x32, 0x03, 0x00, 0x01, (byte)'t' })] // QoS 1 without packet id
    [InlineData(new byte[] { 0x20, 0x01, 0x00 })] // CONNACK without return code
    public void Decode_FieldRunsPastRemainingLength_ThrowsTruncated(byte[] bytes) =>
        AssertRejected(bytes, MqttProtocolError.Truncated);

    [Theory]
    [InlineData(new byte[] { 0xD0, 0x01, 0x00 })] // PINGRESP with a body
    [InlineData(new byte[] { 0xE0, 0x01, 0x00 })] // DISCONNECT with a body
    [InlineData(new byte[] { 0x40, 0x03, 0x00, 0x01, 0x00 })] // PUBACK too long
    [InlineData(new byte[] { 0x20, 0x03, 0x00, 0x00, 0x00 })] // CONNACK too long
    public void Decode_TrailingBytesInsidePacket_ThrowsMalformedPacket(byte[] bytes) =>
        AssertRejected(bytes, MqttProtocolError.MalformedPacket);

    [Fact]
    public void Decode_BytesAfterThePacket_ThrowsMalformedPacket() =>
        AssertRejected([0xD0, 0x00, 0xD0], MqttProtocolError.MalformedPacket);

    [Fact]
    public void Decode_ConnAckReservedFlags_ThrowsInvalidFlags() =>
        AssertRejected([0x20, 0x02, 0x02, 0x00], MqttProtocolError.InvalidFlags);

    [Fact]
    public void Decode_RefusingConnAckWithSession_ThrowsInvalidFlags() =>
        AssertRejected([0x20, 0x02, 0x01, 0x05], MqttProtocolError.InvalidFlags);

    [Theory]
    [InlineData(0x03)]
    [InlineData(0x81)]
    public void Decode_SubAckReservedReturnCode_ThrowsMalformedPacket(byte code) =>
        AssertRejected([0x90, 0x03, 0x00, 0x01, code], MqttProtocolError.MalformedPacket);

    [Fact]
    public void Decode_SubAckWithoutCodes_ThrowsMalformedPacket() =>
        AssertRejected([0x90, 0x02, 0x00, 0x01], MqttProtocolError.MalformedPacket);

    [Fact]
    public void Decode_SubscribeWithoutFilters_ThrowsMalformedPacket() =>
        AssertRejected([0x82, 0x02, 0x00, 0x01], MqttProtocolError.MalformedPacket);

    [Fact]
    public void Decode_SubscribeReservedOptionBits_ThrowsInvalidFlags() =>
        AssertRejected([0x82, 0x06, 0x00, 0x01, 0x00, 0x01, (byte)'a', 0x04], MqttProtocolError.InvalidFlags);

    [Fact]
    public void Decode_SubscribeQos3_ThrowsInvalidQos() =>
        AssertRejected([0x82, 0x06, 0x00, 0x01, 0x00, 0x01, (byte)'a', 0x03], MqttProtocolError.InvalidQos);

    [Fact]
    public void Decode_SubscribeInvalidFilter_ThrowsInvalidTopic() =>
        AssertRejected([0x82, 0x07, 0x00, 0x01, 0x00, 0x02, (byte)'a', (byte)'#', 0x00], MqttProtocolError.InvalidTopic);

    [Fact]
    public void Decode_ConnectReservedFlag_ThrowsInvalidFlags() =>
        AssertRejected(ConnectWithFlags(0x03), MqttProtocolError.InvalidFlags);

    [Fact]
    public void Decode_ConnectWillQos3_ThrowsInvalidQos() =>
        AssertRejected(ConnectWithFlags(0x1E), MqttProtocolError.InvalidQos);

    [Fact]
    public void Decode_ConnectWillRetainWithoutWill_ThrowsInvalidFlags() =>
        AssertRejected(ConnectWithFlags(0x22), MqttProtocolError.InvalidFlags);

    [Fact]
    public void Decode_ConnectPasswordWithoutUser_ThrowsInvalidFlags() =>
        AssertRejected(ConnectWithFlags(0x42), MqttProtocolError.InvalidFlags);

    [Fact]
    public void Decode_ConnectOtherProtocolLevel_ThrowsMalformedPacket()
    {
        var bytes = MqttPacketEncoder.Encode(new ConnectPacket("a", 10, true));
        bytes[8] = 5;

        AssertRejected(bytes, MqttProtocolError.MalformedPacket);
    }

    [Fact]
    public void Encode_InvalidPackets_ThrowArgumentException()
    {
        Assert.ThrowsAny<ArgumentException>(() => MqttPacketEncoder.Encode(new PubAckPacket(0)));
        Assert.ThrowsAny<ArgumentException>(() => MqttPacketEncoder.Encode(new PublishPacket("t", default, MqttQos.AtLeastOnce, false, false, 0)));
        Assert.ThrowsAny<ArgumentException>(() => MqttPacketEncoder.Encode(new PublishPacket("t", default, MqttQos.AtMostOnce, false, true, 0)));
        Assert.ThrowsAny<ArgumentException>(() => MqttPacketEncoder.Encode(new PublishPacket("t", default, (MqttQos)3, false, false, 1)));
        Assert.ThrowsAny<ArgumentException>(() => MqttPacketEncoder.Encode(new PublishPacket("a/#", default, MqttQos.AtMostOnce, false, false, 0)));
        Assert.ThrowsAny<ArgumentException>(() => MqttPacketEncoder.Encode(new PublishPacket("a\0b", default, MqttQos.AtMostOnce, false, false, 0)));
        Assert.ThrowsAny<ArgumentException>(() => MqttPacketEncoder.Encode(new PublishPacket("a\uD800", default, MqttQos.AtMostOnce, false, false, 0)));
        Assert.ThrowsAny<ArgumentException>(() => MqttPacketEncoder.Encode(new SubscribePacket(1, [])));
        Assert.ThrowsAny<ArgumentException>(() => MqttPacketEncoder.Encode(new ConnectPacket("c", 1, true, Password: [1])));
    }

    private static byte[] ConnectWithFlags(byte flags)
    {
        var bytes = MqttPacketEncoder.Encode(new ConnectPacket("a", 10, true));
        bytes[9] = flags;
        return bytes;
    }

    private static void AssertRejected(byte[] bytes, MqttProtocolError expected, int maxPacketSize = MqttClientOptions.DefaultMaxPacketSize)
    {
        var ex = Assert.Throws<MqttProtocolException>(() => MqttPacketDecoder.Decode(bytes, maxPacketSize));
        Assert.Equal(expected, ex.Error);
    }
}
