namespace ChargingHub.Mqtt;

/// <summary>MQTT quality of service levels.</summary>
public enum MqttQos : byte
{
    /// <summary>QoS 0: fire and forget.</summary>
    AtMostOnce = 0,

    /// <summary>QoS 1: acknowledged with PUBACK, re-sent until acknowledged; may arrive twice.</summary>
    AtLeastOnce = 1,

    /// <summary>
    /// QoS 2. It exists on the wire, but this client neither publishes nor subscribes with it
    /// (the hub has no use for exactly-once and it doubles the state to track).
    /// </summary>
    ExactlyOnce = 2,
}
