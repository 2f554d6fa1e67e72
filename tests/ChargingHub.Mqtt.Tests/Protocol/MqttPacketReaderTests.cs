using ChargingHub.Mqtt.Protocol;

namespace ChargingHub.Mqtt.Tests.Protocol;

public sealed class MqttPacketReaderTests
{
    [Fact]
    public async Task ReadAsync_PacketsSplitIntoSingleBytes_ReassemblesThem()
    {
        var payload = new byte[10_000];
        Random.Shared.NextBytes(payload);
        byte[] bytes =
        [
            .. MqttPacketEncoder.Encode(new PublishPacket("a/b", payload, MqttQos.AtLeastOnce, false, false, 3)),
            .. MqttPacketEncoder.Encode(PingRespPacket.Instance),
        ];
        var reader = new MqttPacketReader(new TrickleStream(bytes, chunk: 1), MqttClientOptions.DefaultMaxPacketSize);

        var publish = Assert.IsType<PublishPacket>(await reader.ReadAsync(CancellationToken.None));
        Assert.Equal(payload, publish.Payload.ToArray());
        Assert.IsType<PingRespPacket>(await reader.ReadAsync(CancellationToken.None));
        Assert.Null(await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReadAsync_ManyPacketsInOneRead_ReturnsEachWithOwnPayload()
    {
        var packets = Enumerable.Range(1, 50)
            .Select(i => MqttPacketEncoder.Encode(new PublishPacket("t", new[] { (byte)i }, MqttQos.AtMostOnce, false, false, 0)))
            .SelectMany(p => p)
            .ToArray();
        var reader = new MqttPacketReader(new MemoryStream(packets), MqttClientOptions.DefaultMaxPacketSize);

        var received = new List<PublishPacket>();
        while (await reader.ReadAsync(CancellationToken.None) is PublishPacket p)
        {
            received.Add(p);
        }

        // Payloads must be copies: the reader's buffer is reused.
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (byte)i), received.Select(p => p.Payload.Span[0]));
    }

    [Fact]
    public async Task ReadAsync_StreamEndsMidPacket_ThrowsTruncated()
    {
        var bytes = MqttPacketEncoder.Encode(new PubAckPacket(7));
        var reader = new MqttPacketReader(new MemoryStream(bytes[..3]), MqttClientOptions.DefaultMaxPacketSize);

        var ex = await Assert.ThrowsAsync<MqttProtocolException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
        Assert.Equal(MqttProtocolError.Truncated, ex.Error);
    }

    [Fact]
    public async Task ReadAsync_OversizedPacket_ThrowsPacketTooLargeWithoutReadingBody()
    {
        var stream = new TrickleStream([0x30, 0xFF, 0xFF, 0x7F, .. new byte[100]], chunk: 4);
        var reader = new MqttPacketReader(stream, 1024);

        var ex = await Assert.ThrowsAsync<MqttProtocolException>(() => reader.ReadAsync(CancellationToken.None).AsTask());
        Assert.Equal(MqttProtocolError.PacketTooLarge, ex.Error);
        Assert.Equal(4, stream.Position);
    }

    /// <summary>A stream that hands out at most <c>chunk</c> bytes per read, like a slow network.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
