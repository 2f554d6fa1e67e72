using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChargingHub.Infrastructure.HomeAssistant;

/// <summary>A message to publish.</summary>
public readonly record struct MqttOutMessage(string Topic, byte[] Payload, bool Retain = true);

/// <summary>
/// Home Assistant MQTT discovery configs: the hub is a device with a connectivity sensor, and each accepted charger a
/// device (via the hub) with a connectivity sensor and, per connector, a status sensor, a "reserved" binary sensor,
/// "reserved for" and "reservation expires at" sensors and a "cancel reservation" button. "Any connector" (0) gets the
/// reservation entities when the charger supports such reservations.
/// </summary>
public sealed class HomeAssistantDiscovery(HubTopics topics)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The node id of the hub device; also its device identifier.</summary>
    public string HubNodeId { get; } = Slug(topics.BaseTopic);

    /// <summary>The node id of a charger's configs, e.g. <c>chargehub_CP1</c>; also its first device identifier.</summary>
    public string NodeId(string chargerId) => $"{HubNodeId}_{Slug(chargerId)}";

    public IReadOnlyList<MqttOutMessage> HubConfigs()
    {
        var device = new JsonObject
        {
            ["identifiers"] = new JsonArray(HubNodeId),
            ["name"] = topics.BaseTopic == "chargehub" ? "ChargingHub" : $"ChargingHub ({topics.BaseTopic})",
            ["manufacturer"] = "ChargingHub",
            ["model"] = "OCPP charging hub",
        };
        var config = new JsonObject
        {
            ["name"] = "Online",
            ["unique_id"] = $"{HubNodeId}_status",
            ["device_class"] = "connectivity",
            ["entity_category"] = "diagnostic",
            ["state_topic"] = topics.Status,
            ["payload_on"] = "online",
            ["payload_off"] = "offline",
            ["device"] = device,
            ["origin"] = Origin(),
        };
        return [Message("binary_sensor", HubNodeId, "status", config)];
    }

    public IReadOnlyList<MqttOutMessage> ChargerConfigs(ChargerDevice charger)
    {
        var node = NodeId(charger.ChargerId);
        var id = charger.ChargerId;
        var configs = new List<MqttOutMessage>
        {
            Message("binary_sensor", node, "connected", Entity(charger, node, "connected", "Connected", [HubAvailability()], new JsonObject
            {
                ["device_class"] = "connectivity",
                ["entity_category"] = "diagnostic",
                ["state_topic"] = topics.ChargerOnline(id),
                ["payload_on"] = "true",
                ["payload_off"] = "false",
            })),
        };

        foreach (var connector in charger.Connectors)
        {
            var objectId = $"connector_{connector.ToString(CultureInfo.InvariantCulture)}_status";
            configs.Add(Message("sensor", node, objectId, Entity(charger, node, objectId,
                $"Connector {connector.ToString(CultureInfo.InvariantCulture)} status",
                [HubAvailability(), ChargerAvailability(id)], new JsonObject
                {
                    ["state_topic"] = topics.ConnectorStatus(id, connector),
                    ["icon"] = "mdi:ev-station",
                })));
            configs.AddRange(ReservationEntities(charger, node, connector,
                $"connector_{connector.ToString(CultureInfo.InvariantCulture)}", $"Connector {connector.ToString(CultureInfo.InvariantCulture)}"));
        }

        if (charger.AnyConnectorReservations)
        {
            configs.AddRange(ReservationEntities(charger, node, 0, "any_connector", "Any connector"));
        }

        return configs;
    }

    /// <summary>Letters, digits, <c>_</c> and <c>-</c> (what Home Assistant allows in node and object ids); anything else becomes <c>_</c> plus a short hash, so different ids never meet.</summary>
    public static string Slug(string value)
    {
        var slug = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }

        if (slug.ToString() == value)
        {
            return value;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        return $"{slug}_{Convert.ToHexStringLower(hash.AsSpan(0, 4))}";
    }

    private IEnumerable<MqttOutMessage> ReservationEntities(ChargerDevice charger, string node, int connector, string prefix, string label)
    {
        var id = charger.ChargerId;
        var reservation = topics.ConnectorReservation(id, connector);
        yield return Message("binary_sensor", node, $"{prefix}_reserved", Entity(charger, node, $"{prefix}_reserved", $"{label} reserved",
            [HubAvailability()], new JsonObject
            {
                ["state_topic"] = topics.ConnectorReserved(id, connector),
                ["payload_on"] = "true",
                ["payload_off"] = "false",
                ["icon"] = "mdi:calendar-lock",
                ["json_attributes_topic"] = reservation,
                ["json_attributes_template"] = "{{ value if value else '{}' }}",
            }));

        // An empty payload (no reservation) renders as 'None', which Home Assistant shows as unknown rather than ignoring.
        yield return Message("sensor", node, $"{prefix}_reserved_for", Entity(charger, node, $"{prefix}_reserved_for", $"{label} reserved for",
            [HubAvailability()], new JsonObject
            {
                ["state_topic"] = reservation,
                ["value_template"] = "{{ value_json.reservedFor | default('None') if value else 'None' }}",
                ["icon"] = "mdi:account-clock",
            }));
        yield return Message("sensor", node, $"{prefix}_expires_at", Entity(charger, node, $"{prefix}_expires_at", $"{label} reservation expires at",
            [HubAvailability()], new JsonObject
            {
                ["state_topic"] = reservation,
                ["device_class"] = "timestamp",
                ["value_template"] = "{{ value_json.expiryDate if value else 'None' }}",
            }));
        yield return Message("button", node, $"{prefix}_cancel_reservation", Entity(charger, node, $"{prefix}_cancel_reservation",
            $"{label} cancel reservation", [HubAvailability()], new JsonObject
            {
                ["command_topic"] = topics.CancelCommand(id, connector),
                ["payload_press"] = "cancel",
                ["icon"] = "mdi:calendar-remove",
            }));
    }

    private JsonObject Entity(ChargerDevice charger, string node, string objectId, string name, JsonObject[] availability, JsonObject specific)
    {
        var config = new JsonObject
        {
            ["name"] = name,
            ["unique_id"] = $"{node}_{objectId}",
        };
        foreach (var (key, value) in specific.ToList())
        {
            specific.Remove(key);
            config[key] = value;
        }

        config["availability"] = new JsonArray(availability);
        config["availability_mode"] = "all";
        config["device"] = Device(charger, node);
        config["origin"] = Origin();
        return config;
    }

    private JsonObject Device(ChargerDevice charger, string node)
    {
        var device = new JsonObject
        {
            ["identifiers"] = new JsonArray(node, charger.ChargerId),
            ["name"] = charger.Name,
        };
        Add(device, "manufacturer", charger.Manufacturer);
        Add(device, "model", charger.Model);
        Add(device, "sw_version", charger.SoftwareVersion);
        Add(device, "serial_number", charger.SerialNumber);
        device["via_device"] = HubNodeId;
        return device;
    }

    private JsonObject HubAvailability() => new()
    {
        ["topic"] = topics.Status,
        ["payload_available"] = "online",
        ["payload_not_available"] = "offline",
    };

    private JsonObject ChargerAvailability(string chargerId) => new()
    {
        ["topic"] = topics.ChargerOnline(chargerId),
        ["payload_available"] = "true",
        ["payload_not_available"] = "false",
    };

    private static JsonObject Origin() => new() { ["name"] = "ChargingHub" };

    private static void Add(JsonObject json, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            json[key] = value;
        }
    }

    private MqttOutMessage Message(string component, string node, string objectId, JsonObject config)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            config.WriteTo(json);
        }

        return new MqttOutMessage(topics.DiscoveryConfig(component, node, objectId), buffer.WrittenSpan.ToArray());
    }
}
