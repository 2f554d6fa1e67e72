using ChargingHub.Mqtt.Protocol;

namespace ChargingHub.Mqtt;

/// <summary>Topic filters (subscriptions) with the wildcards <c>+</c> (one level) and <c>#</c> (any remaining levels).</summary>
public static class MqttTopicFilter
{
    /// <summary>
    /// True when <paramref name="filter"/> is a valid filter: non-empty, <c>+</c> and <c>#</c> only
    /// as a whole level, <c>#</c> only last, no U+0000, at most 65 535 UTF-8 bytes.
    /// </summary>
    public static bool IsValid(string? filter) => GetError(filter) is null;

    /// <summary>Throws <see cref="ArgumentException"/> unless <see cref="IsValid"/>.</summary>
    public static void Validate(string? filter)
    {
        if (GetError(filter) is { } error)
        {
            throw new ArgumentException(error, nameof(filter));
        }
    }

    /// <summary>
    /// Whether a message published to <paramref name="topic"/> matches <paramref name="filter"/>,
    /// as the broker decides it: <c>a/+/c</c> matches <c>a/b/c</c>; <c>a/#</c> matches <c>a</c>,
    /// <c>a/b</c> and <c>a/b/c</c>; a filter starting with a wildcard does not match topics
    /// starting with <c>$</c> (MQTT-4.7.2-1).
    /// </summary>
    /// <exception cref="ArgumentException">The filter or the topic name is invalid.</exception>
    public static bool Matches(string filter, string topic)
    {
        Validate(filter);
        MqttTopic.ValidateTopicName(topic);
        if (topic[0] == '$' && filter[0] is '+' or '#')
        {
            return false;
        }

        var filterRest = filter.AsSpan();
        var topicRest = topic.AsSpan();
        while (true)
        {
            var filterLevel = NextLevel(ref filterRest, out var filterDone);
            if (filterLevel is "#")
            {
                return true;
            }

            var topicLevel = NextLevel(ref topicRest, out var topicDone);
            if (filterLevel is not "+" && !filterLevel.SequenceEqual(topicLevel))
            {
                return false;
            }

            if (filterDone || topicDone)
            {
                // "a/#" also matches "a": the filter's next (and last) level is '#'.
                return (filterDone && topicDone) || (topicDone && filterRest is "#");
            }
        }
    }

    private static ReadOnlySpan<char> NextLevel(ref ReadOnlySpan<char> rest, out bool last)
    {
        var slash = rest.IndexOf('/');
        if (slash < 0)
        {
            var level = rest;
            rest = default;
            last = true;
            return level;
        }

        var head = rest[..slash];
        rest = rest[(slash + 1)..];
        last = false;
        return head;
    }

    internal static string? GetError(string? filter)
    {
        if (string.IsNullOrEmpty(filter))
        {
            return "A topic filter must not be empty (MQTT-4.7.3-1).";
        }

        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level.Contains('#', StringComparison.Ordinal) && (level != "#" || i != levels.Length - 1))
            {
                return $"In '{filter}', '#' must be a whole level and the last one (MQTT-4.7.1-2).";
            }

            if (level.Contains('+', StringComparison.Ordinal) && level != "+")
            {
                return $"In '{filter}', '+' must be a whole level (MQTT-4.7.1-3).";
            }
        }

        return MqttStrings.IsEncodable(filter)
            ? null
            : "A topic filter must be well-formed, without U+0000 and at most 65 535 UTF-8 bytes.";
    }
}
