using System.Globalization;
using System.Text.Json;
using ChargingHub.Mqtt;
using ChargingHub.Ocpp;
using ChargingHub.Simulator;
using ChargingHub.TestSupport;
using ChargingHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChargingHub.Web.Tests.Mqtt;

/// <summary>The hub and the broker going away: the last will, reconnecting, and OCPP carrying on without MQTT.</summary>
public sealed class MqttResilienceTests
{
    [Fact]
    public async Task Kill_HubProcess_BrokerPublishesOfflineWill()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var hub = await HubProcess.StartAsync(MqttHub.Settings(broker));
        await using var observer = await MqttObserver.ConnectAsync(broker, "chargehub/status");
        await observer.WaitForAsync("chargehub/status", "online");

        await hub.KillAsync();

        await observer.WaitForAsync("chargehub/status", "offline");
        await using var late = await MqttObserver.ConnectAsync(broker, "chargehub/status");
        var retained = await late.WaitForAsync("chargehub/status", "offline");
        Assert.True(retained.Retain);
    }

    [Fact]
    public async Task Kill_HubProcessWithCharger_StateStaysRetainedWithOfflineStatus()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var hub = await HubProcess.StartAsync(MqttHub.Settings(broker));
        await using var charger = new SimulatedCharger(new SimulatorOptions { ChargerId = "KILL-1", Version = OcppVersion.V16, Connectors = 1 });
        await charger.ConnectAsync(hub.OcppUrl);
        await charger.BootAndReportAsync();
        await using var observer = await MqttObserver.ConnectAsync(broker, "chargehub/#");
        await observer.WaitForAsync("chargehub/chargers/KILL-1/connectors/1/status", "Available");

        await hub.KillAsync();

        await observer.WaitForAsync("chargehub/status", "offline");
        await using var late = await MqttObserver.ConnectAsync(broker, "chargehub/#");
        await late.WaitForAsync("chargehub/status", "offline");
        await late.WaitForAsync("chargehub/chargers/KILL-1/connectors/1/status", "Available");
    }

    [Fact]
    public async Task BrokerRestart_HubReconnects_RetainedStateAndDiscoveryThereAgain()
    {
        await using var hub = await MqttHub.StartAsync();
        await using var charger = await hub.StartChargerAsync("restart");
        var id = charger.ChargerId;
        var reservationId = await hub.ReserveAsync(id, 1, "TAG-RESTART");
        await using (var before = await hub.ObserveAsync())
        {
            await before.WaitForAsync($"chargehub/chargers/{id}/connectors/1/reservation", p => p.Length > 0);
        }

        // Persistence is off: the restarted broker has forgotten every retained message.
        await hub.Broker.RestartAsync();

        await using (var watcher = await hub.ObserveAsync())
        {
            // The hub reconnects with backoff; its state arrives live once it has.
            await watcher.WaitForAsync($"chargehub/chargers/{id}/connectors/1/reservation", p => p.Length > 0, TimeSpan.FromSeconds(30));
        }

        await using var fresh = await hub.ObserveAsync();
        var reservation = await fresh.WaitForAsync($"chargehub/chargers/{id}/connectors/1/reservation", p => p.Length > 0);
        Assert.True(reservation.Retain);
        Assert.Equal(reservationId, JsonDocument.Parse(reservation.Payload).RootElement.GetProperty("reservationId").GetInt32());
        await fresh.WaitForAsync("chargehub/status", "online");
        await fresh.WaitForAsync($"chargehub/chargers/{id}/online", "true");
        await fresh.WaitForAsync($"chargehub/chargers/{id}/connectors/1/reserved", "true");
        await fresh.WaitForAsync(m => m.Topic == $"homeassistant/sensor/chargehub_{id}/connector_1_status/config" && m.Retain, "discovery");

        // Commands work again too: the hub subscribed anew.
        fresh.Publish($"chargehub/chargers/{id}/connectors/2/reserve/set", """{"idTag":"TAG-AFTER","minutes":10}""");
        await fresh.WaitForEventAsync("ReservationCreated", id, e => e.GetProperty("connectorId").GetInt32() == 2);
    }

    [Fact]
    public async Task BrokerDown_HubServesOcppAndReservations_PublishesWhenBrokerIsBack()
    {
        await using var hub = await MqttHub.StartAsync();
        await hub.Broker.StopAsync();

        await using var charger = await hub.StartChargerAsync("no-broker", OcppVersion.V201);
        var id = charger.ChargerId;
        var reservationId = await hub.ReserveAsync(id, 1, "TAG-DOWN");
        Assert.Equal("Active", await hub.Api.StatusOfAsync(id, reservationId));
        Assert.False(hub.Host.Service<MqttClient>().IsConnected);

        await hub.Broker.RestartAsync();

        await using var observer = await hub.ObserveAsync();
        var reservation = await observer.WaitForAsync($"chargehub/chargers/{id}/connectors/1/reservation", p => p.Length > 0, TimeSpan.FromSeconds(30));
        Assert.Equal(reservationId, JsonDocument.Parse(reservation.Payload).RootElement.GetProperty("reservationId").GetInt32());
        await observer.WaitForAsync("chargehub/status", "online");
    }

    [Fact]
    public async Task AcceptCommandsFalse_ReserveCommand_Ignored()
    {
        await using var hub = await MqttHub.StartAsync(new() { ["Hub:Mqtt:AcceptCommands"] = "false" });
        await using var charger = await hub.StartChargerAsync("no-commands");
        await using var observer = await hub.ObserveAsync("chargehub/#");
        await observer.WaitForAsync($"chargehub/chargers/{charger.ChargerId}/online", "true");

        observer.Publish($"chargehub/chargers/{charger.ChargerId}/connectors/1/reserve/set", """{"idTag":"TAG-IGNORED","minutes":30}""");
        await Task.Delay(1000);

        Assert.Equal(0, charger.Received.Count("ReserveNow"));
        Assert.Empty(await hub.Api.ListAsync($"chargerId={charger.ChargerId}"));
        Assert.DoesNotContain(observer.Events(charger.ChargerId), e => e.GetProperty("type").GetString() == "CommandRejected");
    }

    [Fact]
    public async Task CustomTopics_BaseTopicAndDiscoveryPrefix_UsedEverywhere()
    {
        await using var hub = await MqttHub.StartAsync(new() { ["Hub:Mqtt:BaseTopic"] = "home/ev", ["Hub:Mqtt:DiscoveryPrefix"] = "ha" });
        await using var charger = await hub.StartChargerAsync("topics");
        var id = charger.ChargerId;
        await using var observer = await hub.ObserveAsync("home/ev/#", "ha/#");
        await observer.WaitForAsync("home/ev/status", "online");

        observer.Publish($"home/ev/chargers/{id}/connectors/1/reserve/set", """{"idTag":"TAG-TOPICS","minutes":5}""");

        await observer.WaitForAsync($"home/ev/chargers/{id}/connectors/1/reserved", "true");
        await observer.WaitForAsync(m => m.Topic == "home/ev/events" && m.GetPayloadAsString().Contains("ReservationCreated", StringComparison.Ordinal), "the event");
        var config = await observer.WaitForAsync(m => m.Topic.StartsWith("ha/button/", StringComparison.Ordinal)
            && m.Topic.EndsWith("/connector_1_cancel_reservation/config", StringComparison.Ordinal), "the cancel button");
        Assert.Contains($"\"command_topic\":\"home/ev/chargers/{id}/connectors/1/cancel/set\"", config.GetPayloadAsString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetainedCommand_HubStarts_IgnoredAndRejected()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var observer = await MqttObserver.ConnectAsync(broker, "chargehub/events");
        observer.Publish("chargehub/chargers/RETAINED-1/connectors/1/reserve/set", """{"idTag":"TAG-OLD","minutes":30}""", retain: true);
        await Task.Delay(200);

        using var host = new HubTestHost(MqttHub.Settings(broker));
        using var client = host.CreateClient();

        var rejected = await observer.WaitForEventAsync("CommandRejected", "RETAINED-1");
        Assert.Contains("Retained commands are ignored", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoHost_MqttOff_NothingRegistered()
    {
        using var host = new HubTestHost();
        using var client = host.CreateClient();

        Assert.Null(host.Services.GetService<MqttClient>());
        Assert.DoesNotContain(host.Services.GetServices<IHostedService>(), s => s.GetType().Name == "HomeAssistantBridge");
    }

    [Theory]
    [InlineData("Hub:Mqtt:Port", "70000", "Hub:Mqtt:Port")]
    [InlineData("Hub:Mqtt:Port", "many", "Hub:Mqtt:Port")]
    [InlineData("Hub:Mqtt:BaseTopic", "charge/+/hub", "Hub:Mqtt:BaseTopic")]
    [InlineData("Hub:Mqtt:DiscoveryPrefix", "homeassistant/", "Hub:Mqtt:DiscoveryPrefix")]
    [InlineData("Hub:Mqtt:Password", "secret", "Hub:Mqtt:Username")]
    public async Task Start_InvalidMqttSetting_ExitsNamingTheKey(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Mqtt:Host"] = "127.0.0.1",
            ["Hub:Mqtt:Port"] = HubProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            [key] = value,
        };

        var (exitCode, output) = await HubProcess.RunToExitAsync(settings, TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains(named, output, StringComparison.Ordinal);
    }
}
