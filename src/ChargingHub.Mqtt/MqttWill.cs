using System.Text;

namespace ChargingHub.Mqtt;

/// <summary>
/// The last will: the message the broker publishes on the client's behalf when the connection
/// ends without a DISCONNECT (crash, network loss, keep-alive timeout).
/// </summary>
/// <param name="Topic">A topic name without wildcards.</param>
/// <param name="Payload">The will's payload.</param>
/// <param name="Qos">QoS the broker publishes the will with.</param>
/// <param name="Retain">Whether the broker retains the will.</param>
public sealed record MqttWill(string Topic, ReadOnlyMemory<byte> Payload, MqttQos Qos = MqttQos.AtMostOnce, bool Retain = false)
{
    /// <summary>Creates a will whose payload is <paramref name="Payload"/> in UTF-8.</summary>
    /// <param name="Topic">A topic name without wildcards.</param>
    /// <param name="Payload">The will's payload as text.</param>
    /// <param name="Qos">QoS the broker publishes the will with.</param>
    /// <param name="Retain">Whether the broker retains the will.</param>
    /// <remarks>Parameter names match the primary constructor so named arguments work with either.</remarks>
    public MqttWill(string Topic, string Payload, MqttQos Qos = MqttQos.AtMostOnce, bool Retain = false)
        : this(Topic, Encoding.UTF8.GetBytes(Payload), Qos, Retain)
    {
    }
}
