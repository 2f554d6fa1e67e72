using System.Text.Json;
using ChargingHub.Infrastructure.HomeAssistant;

namespace ChargingHub.Infrastructure.Tests.HomeAssistant;

public sealed class HomeAssistantDiscoveryTests
{
    private readonly HomeAssistantDiscovery _discovery = new(new HubTopics("chargehub", "homeassistant"));

    private static ChargerDevice Garage(bool anyConnector = true) => new()
    {
        ChargerId = "CP1",
        Name = "Garage",
        Manufacturer = "ACME",
        Model = "Wallbox 11",
        SoftwareVersion = "1.2.3",
        Connectors = [1, 2],
        AnyConnectorReservations = anyConnector,
        Accepted = true,
    };

    [Fact]
    public void ChargerConfigs_TwoConnectors_EntitiesPerConnectorAndAnyConnector()
    {
        var topics = _discovery.ChargerConfigs(Garage()).Select(c => c.Topic).ToList();

        Assert.Equal(
        [
            "homeassistant/binary_sensor/chargehub_CP1/connected/config",
            "homeassistant/sensor/chargehub_CP1/connector_1_status/config",
            "homeassistant/binary_sensor/chargehub_CP1/connector_1_reserved/config",
            "homeassistant/sensor/chargehub_CP1/connector_1_reserved_for/config",
            "homeassistant/sensor/chargehub_CP1/connector_1_expires_at/config",
            "homeassistant/button/chargehub_CP1/connector_1_cancel_reservation/config",
            "homeassistant/sensor/chargehub_CP1/connector_2_status/config",
            "homeassistant/binary_sensor/chargehub_CP1/connector_2_reserved/config",
            "homeassistant/sensor/chargehub_CP1/connector_2_reserved_for/config",
            "homeassistant/sensor/chargehub_CP1/connector_2_expires_at/config",
            "homeassistant/button/chargehub_CP1/connector_2_cancel_reservation/config",
            "homeassistant/binary_sensor/chargehub_CP1/any_connector_reserved/config",
            "homeassistant/sensor/chargehub_CP1/any_connector_reserved_for/config",
            "homeassistant/sensor/chargehub_CP1/any_connector_expires_at/config",
            "homeassistant/button/chargehub_CP1/any_connector_cancel_reservation/config",
        ], topics);
        Assert.DoesNotContain(_discovery.ChargerConfigs(Garage(anyConnector: false)), c => c.Topic.Contains("any_connector", StringComparison.Ordinal));
    }

    [Fact]
    public void ChargerConfigs_EveryEntity_StableUniqueIdDeviceAndHubAvailability()
    {
        var configs = _discovery.ChargerConfigs(Garage()).Select(c => (c.Topic, Json: Parse(c.Payload))).ToList();

        Assert.All(configs, c => Assert.True(_discovery.ChargerConfigs(Garage()).Single(again => again.Topic == c.Topic).Retain));
        Assert.Equal(configs.Count, configs.Select(c => c.Json.GetProperty("unique_id").GetString()).Distinct().Count());
        foreach (var (topic, json) in configs)
        {
            var objectId = topic.Split('/')[3];
            Assert.Equal($"chargehub_CP1_{objectId}", json.GetProperty("unique_id").GetString());
            var device = json.GetProperty("device");
            Assert.Contains("CP1", device.GetProperty("identifiers").EnumerateArray().Select(i => i.GetString()));
            Assert.Contains("chargehub_CP1", device.GetProperty("identifiers").EnumerateArray().Select(i => i.GetString()));
            Assert.Equal("Garage", device.GetProperty("name").GetString());
            Assert.Equal("ACME", device.GetProperty("manufacturer").GetString());
            Assert.Equal("Wallbox 11", device.GetProperty("model").GetString());
            Assert.Equal("1.2.3", device.GetProperty("sw_version").GetString());
            Assert.Equal("chargehub", device.GetProperty("via_device").GetString());
            Assert.False(device.TryGetProperty("serial_number", out _));
            var availability = json.GetProperty("availability").EnumerateArray().ToList();
            Assert.Contains(availability, a => a.GetProperty("topic").GetString() == "chargehub/status"
                && a.GetProperty("payload_available").GetString() == "online"
                && a.GetProperty("payload_not_available").GetString() == "offline");
            Assert.Equal("all", json.GetProperty("availability_mode").GetString());
        }
    }

    [Fact]
    public void ChargerConfigs_ConnectorEntities_PointAtContractTopics()
    {
        var configs = _discovery.ChargerConfigs(Garage()).ToDictionary(c => c.Topic.Split('/')[3], c => Parse(c.Payload));

        var status = configs["connector_1_status"];
        Assert.Equal("chargehub/chargers/CP1/connectors/1/status", status.GetProperty("state_topic").GetString());
        Assert.Contains(status.GetProperty("availability").EnumerateArray(), a => a.GetProperty("topic").GetString() == "chargehub/chargers/CP1/online"
            && a.GetProperty("payload_available").GetString() == "true");

        var reserved = configs["connector_1_reserved"];
        Assert.Equal("chargehub/chargers/CP1/connectors/1/reserved", reserved.GetProperty("state_topic").GetString());
        Assert.Equal(("true", "false"), (reserved.GetProperty("payload_on").GetString(), reserved.GetProperty("payload_off").GetString()));
        Assert.Equal("chargehub/chargers/CP1/connectors/1/reservation", reserved.GetProperty("json_attributes_topic").GetString());

        var reservedFor = configs["connector_1_reserved_for"];
        Assert.Equal("chargehub/chargers/CP1/connectors/1/reservation", reservedFor.GetProperty("state_topic").GetString());
        Assert.Contains("reservedFor", reservedFor.GetProperty("value_template").GetString(), StringComparison.Ordinal);

        var expires = configs["connector_1_expires_at"];
        Assert.Equal("timestamp", expires.GetProperty("device_class").GetString());
        Assert.Equal("chargehub/chargers/CP1/connectors/1/reservation", expires.GetProperty("state_topic").GetString());
        Assert.Contains("expiryDate", expires.GetProperty("value_template").GetString(), StringComparison.Ordinal);

        Assert.Equal("chargehub/chargers/CP1/connectors/1/cancel/set", configs["connector_1_cancel_reservation"].GetProperty("command_topic").GetString());
        Assert.Equal("chargehub/chargers/CP1/connectors/0/cancel/set", configs["any_connector_cancel_reservation"].GetProperty("command_topic").GetString());

        var connected = configs["connected"];
        Assert.Equal("connectivity", connected.GetProperty("device_class").GetString());
        Assert.Equal("chargehub/chargers/CP1/online", connected.GetProperty("state_topic").GetString());
    }

    [Fact]
    public void HubConfigs_HubDevice_ConnectivityFromStatusTopic()
    {
        var config = Assert.Single(_discovery.HubConfigs());
        var json = Parse(config.Payload);

        Assert.Equal("homeassistant/binary_sensor/chargehub/status/config", config.Topic);
        Assert.Equal("chargehub/status", json.GetProperty("state_topic").GetString());
        Assert.Equal("online", json.GetProperty("payload_on").GetString());
        Assert.Equal("chargehub", json.GetProperty("device").GetProperty("identifiers")[0].GetString());
    }

    [Theory]
    [InlineData("CP1", "CP1")]
    [InlineData("cp_1-A", "cp_1-A")]
    public void Slug_AllowedCharacters_Unchanged(string id, string expected) => Assert.Equal(expected, HomeAssistantDiscovery.Slug(id));

    [Fact]
    public void Slug_OtherCharacters_ReplacedWithStableDistinctHash()
    {
        var dotted = HomeAssistantDiscovery.Slug("CP.1");
        var coloned = HomeAssistantDiscovery.Slug("CP:1");

        Assert.Matches("^CP_1_[0-9a-f]{8}$", dotted);
        Assert.Matches("^CP_1_[0-9a-f]{8}$", coloned);
        Assert.NotEqual(dotted, coloned);
        Assert.NotEqual("CP_1", dotted);
        Assert.Equal(dotted, HomeAssistantDiscovery.Slug("CP.1"));
        Assert.Matches("^home_chargehub_[0-9a-f]{8}$", new HomeAssistantDiscovery(new HubTopics("home/chargehub", "ha")).HubNodeId);
    }

    private static JsonElement Parse(byte[] payload) => JsonDocument.Parse(payload).RootElement.Clone();
}
