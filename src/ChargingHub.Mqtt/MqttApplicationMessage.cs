using System.Text;

namespace ChargingHub.Mqtt;

/// <summary>A message the broker delivered for one of the client's subscriptions.</summary>
/// <param name="Topic">The topic name it was published to.</param>
/// <param name="Payload">The payload; the client owns a private copy, so it stays valid.</param>
/// <param name="Qos">The QoS it was delivered with.</param>
/// <param name="Retain">True when the broker sent it from its retained store (typically right after subscribing).</param>
public sealed record MqttApplicationMessage(string Topic, ReadOnlyMemory<byte> Payload, MqttQos Qos, bool Retain)
{
    /// <summary>The payload decoded as UTF-8 (invalid sequences become U+FFFD).</summary>
    public string GetPayloadAsString() => Encoding.UTF8.GetString(Payload.Span);
}
