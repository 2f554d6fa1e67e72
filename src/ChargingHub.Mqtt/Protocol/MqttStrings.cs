using System.Buffers;
using System.Text;

namespace ChargingHub.Mqtt.Protocol;

/// <summary>MQTT's UTF-8 string rules (section 1.5.3) in both directions.</summary>
internal static class MqttStrings
{
    public const int MaxByteLength = ushort.MaxValue;

    // Throwing encodings: the default ones silently substitute U+FFFD, which would let a
    // malformed topic reach subscription matching under a different name.
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        string value;
        try
        {
            value = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidString, "A string is not well-formed UTF-8.", ex);
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidString, "A string contains U+0000 (MQTT-1.5.3-2).");
        }

        return value;
    }

    /// <summary>Writes a length-prefixed string; throws <see cref="ArgumentException"/> for one MQTT cannot carry.</summary>
    public static void Write(IBufferWriter<byte> writer, string value)
    {
        var length = GetByteCountOrThrow(value);
        MqttWire.WriteUInt16(writer, (ushort)length);
        var span = writer.GetSpan(length);
        Strict.GetBytes(value, span);
        writer.Advance(length);
    }

    public static bool IsEncodable(string value) => TryGetByteCount(value, out _);

    public static bool TryGetByteCount(string value, out int byteCount)
    {
        byteCount = 0;
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            byteCount = Strict.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            // A lone surrogate has no UTF-8 form.
            return false;
        }

        return byteCount <= MaxByteLength;
    }

    private static int GetByteCountOrThrow(string value) =>
        TryGetByteCount(value, out var count)
            ? count
            : throw new ArgumentException("MQTT strings must be well-formed, without U+0000 and at most 65 535 UTF-8 bytes.", nameof(value));
}
