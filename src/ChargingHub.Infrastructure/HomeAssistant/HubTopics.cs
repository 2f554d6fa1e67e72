using System.Globalization;

namespace ChargingHub.Infrastructure.HomeAssistant;

/// <summary>Which command a <c>…/set</c> topic carries.</summary>
public enum MqttCommandKind
{
    Reserve,
    Cancel,
}

/// <summary>The parts of a command topic: <c>{base}/chargers/{chargerId}/connectors/{connector}/{reserve|cancel}/set</c>.</summary>
/// <param name="Connector">The connector level as it was written; parsed (and checked) by <see cref="MqttCommandParser"/>.</param>
public sealed record CommandTopic(MqttCommandKind Kind, string ChargerId, string Connector);

/// <summary>Every topic the hub publishes or subscribes to (docs/mqtt.md), under the configured base topic and discovery prefix.</summary>
public sealed class HubTopics(string baseTopic, string discoveryPrefix)
{
    private readonly string _chargersPrefix = baseTopic + "/chargers/";

    public string BaseTopic { get; } = baseTopic;

    public string DiscoveryPrefix { get; } = discoveryPrefix;

    /// <summary><c>online</c> / <c>offline</c> (the last will).</summary>
    public string Status => BaseTopic + "/status";

    /// <summary>Lifecycle events, not retained.</summary>
    public string Events => BaseTopic + "/events";

    /// <summary>Home Assistant's birth and will topic.</summary>
    public string HomeAssistantStatus => DiscoveryPrefix + "/status";

    public string ReserveCommandFilter => _chargersPrefix + "+/connectors/+/reserve/set";

    public string CancelCommandFilter => _chargersPrefix + "+/connectors/+/cancel/set";

    public string ChargerOnline(string chargerId) => _chargersPrefix + chargerId + "/online";

    public string ConnectorStatus(string chargerId, int connectorId) => Connector(chargerId, connectorId) + "/status";

    public string ConnectorReservation(string chargerId, int connectorId) => Connector(chargerId, connectorId) + "/reservation";

    /// <summary><c>true</c> / <c>false</c>: whether an Active reservation targets the connector (always retained with a value).</summary>
    public string ConnectorReserved(string chargerId, int connectorId) => Connector(chargerId, connectorId) + "/reserved";

    public string ReserveCommand(string chargerId, int connectorId) => Connector(chargerId, connectorId) + "/reserve/set";

    public string CancelCommand(string chargerId, int connectorId) => Connector(chargerId, connectorId) + "/cancel/set";

    /// <summary><c>{prefix}/{component}/{nodeId}/{objectId}/config</c>.</summary>
    public string DiscoveryConfig(string component, string nodeId, string objectId) =>
        $"{DiscoveryPrefix}/{component}/{nodeId}/{objectId}/config";

    /// <summary>Splits a command topic; false for any other topic.</summary>
    public bool TryParseCommand(string topic, out CommandTopic command)
    {
        command = null!;
        if (!topic.StartsWith(_chargersPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var levels = topic[_chargersPrefix.Length..].Split('/');
        if (levels is not [var chargerId, "connectors", var connector, var verb, "set"] || chargerId.Length == 0)
        {
            return false;
        }

        MqttCommandKind? kind = verb switch
        {
            "reserve" => MqttCommandKind.Reserve,
            "cancel" => MqttCommandKind.Cancel,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        command = new CommandTopic(kind.Value, chargerId, connector);
        return true;
    }

    private string Connector(string chargerId, int connectorId) =>
        _chargersPrefix + chargerId + "/connectors/" + connectorId.ToString(CultureInfo.InvariantCulture);
}
