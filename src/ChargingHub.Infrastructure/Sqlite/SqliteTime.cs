using System.Globalization;

namespace ChargingHub.Infrastructure.Sqlite;

/// <summary>
/// How the database stores instants: ISO-8601 UTC text with seven fractional digits
/// (<c>2026-01-01T12:00:00.0000000Z</c>). Exact to the tick, readable in the sqlite3 shell, and
/// fixed-width, so text comparison and ORDER BY sort it chronologically.
/// </summary>
public static class SqliteTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static string? ToText(DateTimeOffset? value) => value is { } v ? ToText(v) : null;

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseOrNull(string? text) => text is null ? null : Parse(text);
}
