namespace ChargingHub.Infrastructure.HomeAssistant;

/// <summary>
/// What the MQTT bridge needs to know of the <c>Hub:Mqtt</c> configuration; the host validates the values
/// (topic levels without wildcards) before it builds this.
/// </summary>
/// <param name="BaseTopic">Root of every topic the hub publishes, e.g. <c>chargehub</c>.</param>
/// <param name="DiscoveryPrefix">Home Assistant's discovery prefix, e.g. <c>homeassistant</c>.</param>
/// <param name="AcceptCommands">Whether reserve/cancel commands are subscribed to and obeyed.</param>
public sealed record HomeAssistantSettings(string BaseTopic = "chargehub", string DiscoveryPrefix = "homeassistant", bool AcceptCommands = true)
{
    public HubTopics Topics { get; } = new(BaseTopic, DiscoveryPrefix);
}
