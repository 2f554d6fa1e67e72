using System.Buffers;
using System.Buffers.Binary;

namespace ChargingHub.Mqtt.Protocol;

/// <summary>Big-endian integers, binary data and the remaining-length varint (section 1.5 and 2.2.3).</summary>
internal static class MqttWire
{
    public const int MaxRemainingLength = 268_435_455;

    public static void WriteByte(IBufferWriter<byte> writer, byte value)
    {
        writer.GetSpan(1)[0] = value;
        writer.Advance(1);
    }

    public static void WriteUInt16(IBufferWriter<byte> writer, ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(writer.GetSpan(2), value);
        writer.Advance(2);
    }

    public static void WriteBinary(IBufferWriter<byte> writer, ReadOnlySpan<byte> value)
    {
        if (value.Length > ushort.MaxValue)
        {
            throw new ArgumentException("Binary data in MQTT is at most 65 535 bytes.", nameof(value));
        }

        WriteUInt16(writer, (ushort)value.Length);
        writer.Write(value);
    }

    public static int GetRemainingLengthSize(int value) => value switch
    {
        < 0 or > MaxRemainingLength => throw new ArgumentOutOfRangeException(nameof(value), "Remaining length must be 0..268435455."),
        < 128 => 1,
        < 16_384 => 2,
        < 2_097_152 => 3,
        _ => 4,
    };

    public static int WriteRemainingLength(Span<byte> destination, int value)
    {
        var size = GetRemainingLengthSize(value);
        for (var i = 0; i < size; i++)
        {
            var digit = (byte)(value % 128);
            value /= 128;
            destination[i] = i < size - 1 ? (byte)(digit | 0x80) : digit;
        }

        return size;
    }

    /// <summary>
    /// Reads the remaining length from the bytes after the first header byte. Returns false when
    /// more bytes are needed; throws for a fifth length byte or a non-minimal encoding.
    /// </summary>
    public static bool TryReadRemainingLength(ReadOnlySpan<byte> source, out int value, out int size)
    {
        value = 0;
        size = 0;
        var multiplier = 1;
        for (var i = 0; i < 4; i++)
        {
            if (i >= source.Length)
            {
                return false;
            }

            var encoded = source[i];
            value += (encoded & 0x7F) * multiplier;
            if ((encoded & 0x80) == 0)
            {
                // MQTT 3.1.1 does not spell it out (MQTT 5 does), but a trailing zero digit is the
                // only way to encode one length twice; no broker sends it, so it marks garbage.
                if (i > 0 && encoded == 0)
                {
                    throw new MqttProtocolException(MqttProtocolError.MalformedRemainingLength, "The remaining length is not minimally encoded.");
                }

                size = i + 1;
                return true;
            }

            multiplier *= 128;
        }

        throw new MqttProtocolException(MqttProtocolError.MalformedRemainingLength, "The remaining length has more than 4 bytes.");
    }
}
