namespace ChargingHub.Ocpp;

/// <summary>
/// The <c>date-time</c> production of RFC 3339: <c>YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)</c>.
/// </summary>
/// <remarks>
/// An offset (or <c>Z</c>) is required, as the RFC says: a time without one cannot be placed.
/// Lower-case <c>t</c>/<c>z</c> are accepted as the RFC allows. Leap seconds and year 0000
/// are refused: <see cref="DateTimeOffset"/>, which the typed message contracts read into,
/// cannot represent them, so accepting them here would only move the failure from the schema
/// check into a handler.
/// </remarks>
internal static class Rfc3339
{
    public static bool IsDateTime(ReadOnlySpan<char> s)
    {
        // The shortest form is "YYYY-MM-DDTHH:MM:SSZ".
        if (s.Length < 20
            || !ReadDigits(s, 0, 4, out var year) || s[4] != '-'
            || !ReadDigits(s, 5, 2, out var month) || s[7] != '-'
            || !ReadDigits(s, 8, 2, out var day) || (s[10] != 'T' && s[10] != 't')
            || !ReadDigits(s, 11, 2, out var hour) || s[13] != ':'
            || !ReadDigits(s, 14, 2, out var minute) || s[16] != ':'
            || !ReadDigits(s, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var i = 19;
        if (s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start || i == s.Length)
            {
                return false;
            }
        }

        if (s[i] == 'Z' || s[i] == 'z')
        {
            return i + 1 == s.Length;
        }

        return (s[i] == '+' || s[i] == '-')
            && s.Length == i + 6
            && ReadDigits(s, i + 1, 2, out var offsetHours) && offsetHours <= 23
            && s[i + 3] == ':'
            && ReadDigits(s, i + 4, 2, out var offsetMinutes) && offsetMinutes <= 59;
    }

    private static bool ReadDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
