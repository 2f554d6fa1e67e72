using ChargingHub.Mqtt.Protocol;

namespace ChargingHub.Mqtt;

/// <summary>Rules for topic names, the concrete topics messages are published to.</summary>
public static class MqttTopic
{
    /// <summary>True when <paramref name="topic"/> can be published to: non-empty, no wildcards, no U+0000, at most 65 535 UTF-8 bytes.</summary>
    public static bool IsValidTopicName(string? topic) => GetTopicNameError(topic) is null;

    /// <summary>Throws <see cref="ArgumentException"/> unless <see cref="IsValidTopicName"/>.</summary>
    public static void ValidateTopicName(string? topic)
    {
        if (GetTopicNameError(topic) is { } error)
        {
            throw new ArgumentException(error, nameof(topic));
        }
    }

    internal static string? GetTopicNameError(string? topic)
    {
        if (string.IsNullOrEmpty(topic))
        {
            return "A topic name must not be empty (MQTT-4.7.3-1).";
        }

        if (topic.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            return $"The topic name '{topic}' contains a wildcard; only subscriptions may (MQTT-3.3.2-2).";
        }

        return MqttStrings.IsEncodable(topic)
            ? null
            : "A topic name must be well-formed, without U+0000 and at most 65 535 UTF-8 bytes.";
    }
}
