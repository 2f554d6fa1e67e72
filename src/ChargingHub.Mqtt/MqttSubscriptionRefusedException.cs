namespace ChargingHub.Mqtt;

/// <summary>The broker answered a SUBSCRIBE with the failure code 0x80 (typically an ACL denies the filter).</summary>
public sealed class MqttSubscriptionRefusedException : Exception
{
    /// <summary>Creates the exception for <paramref name="topicFilter"/>.</summary>
    public MqttSubscriptionRefusedException(string topicFilter)
        : base($"The MQTT broker refused the subscription to '{topicFilter}'.") => TopicFilter = topicFilter;

    /// <summary>The refused topic filter.</summary>
    public string TopicFilter { get; }
}
