using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChargingHub.Web.Api;

/// <summary>Every success body is <c>{ "data": … }</c> (contract).</summary>
public sealed record Envelope<T>(T Data);

/// <summary>Writes instants as UTC with a <c>Z</c>, to the millisecond: the API answers in UTC.</summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IsoInstant.TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException("Expected an ISO 8601 date-time with an offset or Z.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(IsoInstant.Format(value));
}

/// <summary>ISO 8601 instants as the API reads and writes them.</summary>
public static class IsoInstant
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses an instant that states its offset (<c>Z</c> or <c>±hh:mm</c>); a local time without one is refused,
    /// because the hub could only guess which time zone was meant.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || !HasOffset(text))
        {
            return false;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value)
            && text.Contains('T', StringComparison.Ordinal);
    }

    private static bool HasOffset(string text)
    {
        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            return true;
        }

        // ±hh:mm or ±hhmm after the time part
        var t = text.IndexOf('T', StringComparison.Ordinal);
        var sign = text.LastIndexOfAny(['+', '-']);
        return t > 0 && sign > t;
    }
}
