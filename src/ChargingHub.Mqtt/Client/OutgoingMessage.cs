namespace ChargingHub.Mqtt.Client;

/// <summary>
/// A message waiting to be published. <see cref="RetainedVersion"/> numbers retained messages in
/// publish order (0 for others) so the writer can tell one it already re-published from the store.
/// </summary>
internal sealed record OutgoingMessage(string Topic, byte[] Payload, MqttQos Qos, bool Retain, long RetainedVersion);
