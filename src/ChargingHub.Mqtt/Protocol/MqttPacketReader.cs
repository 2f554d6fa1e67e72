namespace ChargingHub.Mqtt.Protocol;

/// <summary>
/// Frames packets out of a byte stream with its own buffer, so a packet costs one read in the
/// common case, yet an oversized one is refused from its header before any body is buffered.
/// </summary>
internal sealed class MqttPacketReader(Stream stream, int maxPacketSize)
{
    private const int InitialBufferSize = 4096;

    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;

    /// <summary>The next packet, or null when the peer closed the stream between packets.</summary>
    public async ValueTask<MqttPacket?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (MqttPacketDecoder.TryDecode(_buffer.AsSpan(_start, _end - _start), maxPacketSize, out var packet, out var consumed))
            {
                _start += consumed;
                return packet;
            }

            MakeRoom();
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return _start == _end
                    ? null
                    : throw new MqttProtocolException(MqttProtocolError.Truncated, "The connection closed in the middle of a packet.");
            }

            _end += read;
        }
    }

    private void MakeRoom()
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }

        if (_end < _buffer.Length)
        {
            return;
        }

        var pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
            if (pending < _buffer.Length)
            {
                return;
            }
        }

        // A packet bigger than the buffer: TryDecode has already checked it against the limit.
        var grown = new byte[Math.Min(Math.Max(_buffer.Length * 2, InitialBufferSize), maxPacketSize)];
        Buffer.BlockCopy(_buffer, 0, grown, 0, pending);
        _buffer = grown;
    }
}
