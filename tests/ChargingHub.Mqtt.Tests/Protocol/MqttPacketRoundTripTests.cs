using System.Text;
using ChargingHub.Mqtt.Protocol;

namespace ChargingHub.Mqtt.Tests.Protocol;

public sealed class MqttPacketRoundTripTests
{
    [Fact]
    public void Connect_WithEverything_RoundTrips()
    {
        var will = new MqttWill("hub/status", "offline", MqttQos.AtLeastOnce, Retain: true);
        var packet = new ConnectPacket("hub-1", 30, CleanSession: true, will, "user", Encoding.UTF8.GetBytes("secret"));

        var decoded = Assert.IsType<ConnectPacket>(RoundTrip(packet));

        Assert.Equal("hub-1", decoded.ClientId);
        Assert.Equal(30, decoded.KeepAliveSeconds);
        Assert.True(decoded.CleanSession);
        Assert.Equal("user", decoded.Username);
        Assert.Equal("secret"u8.ToArray(), decoded.Password);
        Assert.NotNull(decoded.Will);
        Assert.Equal("hub/status", decoded.Will.Topic);
        Assert.Equal("offline"u8.ToArray(), decoded.Will.Payload.ToArray());
        Assert.Equal(MqttQos.AtLeastOnce, decoded.Will.Qos);
        Assert.True(decoded.Will.Retain);
    }

    [Fact]
    public void Connect_Minimal_EncodesAsSpecified()
    {
        var bytes = MqttPacketEncoder.Encode(new ConnectPacket("a", 60, CleanSession: true));

        // 10 bytes variable header ("MQTT", level 4, flags 0x02, keep-alive 60) + client id "a".
        byte[] expected = [0x10, 13, 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0x02, 0, 60, 0, 1, (byte)'a'];
        Assert.Equal(expected, bytes);
        var decoded = Assert.IsType<ConnectPacket>(MqttPacketDecoder.Decode(bytes));
        Assert.Null(decoded.Will);
        Assert.Null(decoded.Username);
        Assert.Null(decoded.Password);
    }

    [Theory]
    [InlineData(false, MqttConnectReturnCode.Accepted)]
    [InlineData(true, MqttConnectReturnCode.Accepted)]
    [InlineData(false, MqttConnectReturnCode.NotAuthorized)]
    internal void ConnAck_AnyCode_RoundTrips(bool sessionPresent, MqttConnectReturnCode code)
    {
        Assert.Equal(new ConnAckPacket(sessionPresent, code), RoundTrip(new ConnAckPacket(sessionPresent, code)));
    }

    [Theory]
    [InlineData(MqttQos.AtMostOnce, false, false, 0)]
    [InlineData(MqttQos.AtLeastOnce, true, false, 7)]
    [InlineData(MqttQos.AtLeastOnce, true, true, 65535)]
    [InlineData(MqttQos.ExactlyOnce, false, false, 1)]
    public void Publish_AnyFlags_RoundTrips(MqttQos qos, bool retain, bool dup, ushort packetId)
    {
        var packet = new PublishPacket("chargehub/chargers/c1/online", "true"u8.ToArray(), qos, retain, dup, packetId);

        var decoded = Assert.IsType<PublishPacket>(RoundTrip(packet));

        Assert.Equal(packet.Topic, decoded.Topic);
        Assert.Equal("true"u8.ToArray(), decoded.Payload.ToArray());
        Assert.Equal((qos, retain, dup, packetId), (decoded.Qos, decoded.Retain, decoded.Dup, decoded.PacketId));
    }

    [Fact]
    public void Publish_EmptyPayload_RoundTrips()
    {
        var decoded = Assert.IsType<PublishPacket>(RoundTrip(new PublishPacket("t", ReadOnlyMemory<byte>.Empty, MqttQos.AtMostOnce, true, false, 0)));

        Assert.True(decoded.Payload.IsEmpty);
        Assert.True(decoded.Retain);
    }

    [Fact]
    public void Publish_LargePayload_UsesMultiByteLengthAndRoundTrips()
    {
        var payload = new byte[200_000];
        Random.Shared.NextBytes(payload);
        var bytes = MqttPacketEncoder.Encode(new PublishPacket("big", payload, MqttQos.AtMostOnce, false, false, 0));

        Assert.Equal(1 + 3 + 2 + 3 + payload.Length, bytes.Length);
        Assert.Equal(payload, Assert.IsType<PublishPacket>(MqttPacketDecoder.Decode(bytes)).Payload.ToArray());
    }

    [Fact]
    public void Publish_NonAsciiTopic_RoundTrips()
    {
        var decoded = Assert.IsType<PublishPacket>(RoundTrip(new PublishPacket("garage/ladestation/ü/😀", "x"u8.ToArray(), MqttQos.AtMostOnce, false, false, 0)));

        Assert.Equal("garage/ladestation/ü/😀", decoded.Topic);
    }

    [Fact]
    public void PubAck_RoundTrips() => Assert.Equal(new PubAckPacket(42), RoundTrip(new PubAckPacket(42)));

    [Fact]
    public void Subscribe_SeveralFilters_RoundTrips()
    {
        var packet = new SubscribePacket(9, [new("a/+/c", MqttQos.AtMostOnce), new("b/#", MqttQos.AtLeastOnce), new("#", MqttQos.ExactlyOnce)]);
        var bytes = MqttPacketEncoder.Encode(packet);

        Assert.Equal(0x82, bytes[0]);
        var decoded = Assert.IsType<SubscribePacket>(MqttPacketDecoder.Decode(bytes));
        Assert.Equal(9, decoded.PacketId);
        Assert.Equal(packet.Subscriptions, decoded.Subscriptions);
    }

    [Fact]
    public void SubAck_MixedCodes_RoundTrips()
    {
        var decoded = Assert.IsType<SubAckPacket>(RoundTrip(new SubAckPacket(3, [0, 1, 2, SubAckPacket.Failure])));

        Assert.Equal(3, decoded.PacketId);
        Assert.Equal([0, 1, 2, 0x80], decoded.ReturnCodes);
    }

    [Fact]
    public void Unsubscribe_SeveralFilters_RoundTrips()
    {
        var bytes = MqttPacketEncoder.Encode(new UnsubscribePacket(5, ["a/b", "c/#"]));

        Assert.Equal(0xA2, bytes[0]);
        var decoded = Assert.IsType<UnsubscribePacket>(MqttPacketDecoder.Decode(bytes));
        Assert.Equal(5, decoded.PacketId);
        Assert.Equal(["a/b", "c/#"], decoded.TopicFilters);
    }

    [Fact]
    public void UnsubAck_RoundTrips() => Assert.Equal(new UnsubAckPacket(65535), RoundTrip(new UnsubAckPacket(65535)));

    [Fact]
    public void PingReqPingRespDisconnect_EncodeAsTwoBytes()
    {
        Assert.Equal([0xC0, 0x00], MqttPacketEncoder.Encode(PingReqPacket.Instance));
        Assert.Equal([0xD0, 0x00], MqttPacketEncoder.Encode(PingRespPacket.Instance));
        Assert.Equal([0xE0, 0x00], MqttPacketEncoder.Encode(DisconnectPacket.Instance));
        Assert.IsType<PingReqPacket>(MqttPacketDecoder.Decode([0xC0, 0x00]));
        Assert.IsType<PingRespPacket>(MqttPacketDecoder.Decode([0xD0, 0x00]));
        Assert.IsType<DisconnectPacket>(MqttPacketDecoder.Decode([0xE0, 0x00]));
    }

    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(127, new byte[] { 0x7F })]
    [InlineData(128, new byte[] { 0x80, 0x01 })]
    [InlineData(16_383, new byte[] { 0xFF, 0x7F })]
    [InlineData(16_384, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(2_097_151, new byte[] { 0xFF, 0xFF, 0x7F })]
    [InlineData(2_097_152, new byte[] { 0x80, 0x80, 0x80, 0x01 })]
    [InlineData(268_435_455, new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })]
    public void RemainingLength_SpecBoundaries_EncodeAndDecode(int value, byte[] encoded)
    {
        var buffer = new byte[4];
        var size = MqttWire.WriteRemainingLength(buffer, value);

        Assert.Equal(encoded, buffer[..size]);
        Assert.True(MqttWire.TryReadRemainingLength(encoded, out var decoded, out var decodedSize));
        Assert.Equal((value, encoded.Length), (decoded, decodedSize));
    }

    [Fact]
    public void TryDecode_TwoPacketsInBuffer_DecodesFirstAndReportsConsumed()
    {
        byte[] buffer = [.. MqttPacketEncoder.Encode(new PubAckPacket(1)), .. MqttPacketEncoder.Encode(PingRespPacket.Instance)];

        Assert.True(MqttPacketDecoder.TryDecode(buffer, 1000, out var first, out var consumed));
        Assert.Equal(new PubAckPacket(1), first);
        Assert.Equal(4, consumed);
        Assert.True(MqttPacketDecoder.TryDecode(buffer.AsSpan(consumed), 1000, out var second, out _));
        Assert.IsType<PingRespPacket>(second);
    }

    [Fact]
    public void TryDecode_PartialPacket_AsksForMore()
    {
        var bytes = MqttPacketEncoder.Encode(new PublishPacket("a/b", "payload"u8.ToArray(), MqttQos.AtLeastOnce, false, false, 1));

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.False(MqttPacketDecoder.TryDecode(bytes.AsSpan(0, length), 1000, out _, out _));
        }
    }

    private static MqttPacket RoundTrip(MqttPacket packet) => MqttPacketDecoder.Decode(MqttPacketEncoder.Encode(packet));
}
