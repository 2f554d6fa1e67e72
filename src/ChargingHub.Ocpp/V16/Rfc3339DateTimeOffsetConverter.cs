using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChargingHub.Ocpp.V16;

/// <summary>
/// Writes <see cref="DateTimeOffset"/> as RFC 3339 with a <c>Z</c> suffix for UTC values and reads
/// any ISO 8601 date-time, treating one without an offset as UTC.
/// </summary>
/// <remarks>
/// Some chargers only understand the <c>Z</c> form, and a value without an offset must not
/// silently take the hub's local time zone. Shared by the 1.6 and 2.0.1 contexts.
/// </remarks>
internal sealed class Rfc3339DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private const string UtcFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";
    private const string OffsetFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date-time string, got {reader.TokenType}.");
        }

        var text = reader.GetString();
        if (DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
                out var value))
        {
            return value;
        }

        throw new JsonException($"'{text}' is not a valid date-time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        var text = value.Offset == TimeSpan.Zero
            ? value.UtcDateTime.ToString(UtcFormat, CultureInfo.InvariantCulture)
            : value.ToString(OffsetFormat, CultureInfo.InvariantCulture);

        // Written raw: the default encoder would turn the '+' of an offset into \u002B. The
        // formats above only produce digits, '-', ':', '.', 'T', 'Z' and '+', none needing escapes.
        writer.WriteRawValue($"\"{text}\"", skipInputValidation: true);
    }
}
