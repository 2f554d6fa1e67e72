using System.Text.Json;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Tokens;
using ChargingHub.Infrastructure.Accounts;
using ChargingHub.Ocpp;
using ChargingHub.Web.Tests.Reservations;

namespace ChargingHub.Web.Tests.Mqtt;

/// <summary>What a subscriber on the real broker sees of the hub's state: retained topics, events and discovery.</summary>
public sealed class MqttStateTests(MqttHub hub) : IClassFixture<MqttHub>
{
    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Reserve_ThroughApi_RetainedReservationStateAndCreatedEvent(OcppVersion version)
    {
        await using var charger = await hub.StartChargerAsync("state", version);
        var id = charger.ChargerId;
        await using var live = await hub.ObserveAsync("chargehub/events");
        var expiry = DateTimeOffset.UtcNow.AddMinutes(45);

        var reservationId = await hub.ReserveAsync(id, 1, "TAG-STATE", expiry);

        var created = await live.WaitForEventAsync("ReservationCreated", id);
        Assert.Equal(reservationId, created.GetProperty("reservationId").GetInt32());
        Assert.Equal(1, created.GetProperty("connectorId").GetInt32());
        Assert.True(created.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.False(live.On("chargehub/events").First().Retain);

        // A subscriber arriving now (Home Assistant after a restart) gets the state from the broker's retained messages.
        await using var late = await hub.ObserveAsync("chargehub/#");
        var prefix = $"chargehub/chargers/{id}/connectors/";
        var message = await late.WaitForAsync(prefix + "1/reservation", p => p.Length > 0);
        Assert.True(message.Retain);
        var reservation = JsonDocument.Parse(message.Payload).RootElement;
        Assert.Equal(reservationId, reservation.GetProperty("reservationId").GetInt32());
        Assert.Equal(id, reservation.GetProperty("chargerId").GetString());
        Assert.Equal(1, reservation.GetProperty("connectorId").GetInt32());
        Assert.Equal("Active", reservation.GetProperty("status").GetString());
        Assert.Equal("TAG-STATE", reservation.GetProperty("idTag").GetString());
        Assert.Equal("TAG-STATE", reservation.GetProperty("reservedFor").GetString());
        Assert.Equal(expiry, reservation.GetProperty("expiryDate").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.True((await late.WaitForAsync(prefix + "1/reserved", "true")).Retain);
        Assert.True((await late.WaitForAsync(prefix + "2/reserved", "false")).Retain);
        Assert.True((await late.WaitForAsync($"chargehub/chargers/{id}/online", "true")).Retain);
        Assert.True((await late.WaitForAsync("chargehub/status", "online")).Retain);
        Assert.True((await late.WaitForAsync(prefix + "2/status", "Available")).Retain);
        await late.WaitForAsync(prefix + "1/status", "Reserved");
        Assert.Empty(late.On(prefix + "2/reservation"));
    }

    [Fact]
    public async Task Reserve_TokenOfMemberWithDisplayName_MqttShowsNameNotToken()
    {
        await using var charger = await hub.StartChargerAsync("privacy");
        var member = await hub.Host.Service<MemberStore>().AddAsync(
            new Member { UserName = $"anna-{charger.ChargerId}", DisplayName = "Anna", PasswordHash = "x" }, CancellationToken.None);
        await hub.Host.Service<ITokenStore>().SaveAsync(
            new IdToken { IdTag = "SECRET-CARD-1", Name = "Red card", MemberId = member.Id }, CancellationToken.None);
        await hub.Host.Service<ITokenStore>().SaveAsync(new IdToken { IdTag = "SECRET-CARD-2", Name = "Blue card" }, CancellationToken.None);

        await hub.ReserveAsync(charger.ChargerId, 1, "SECRET-CARD-1");
        await hub.ReserveAsync(charger.ChargerId, 2, "SECRET-CARD-2");

        await using var late = await hub.ObserveAsync("chargehub/#");
        var prefix = $"chargehub/chargers/{charger.ChargerId}/connectors/";
        var member1 = JsonDocument.Parse((await late.WaitForAsync(prefix + "1/reservation", p => p.Length > 0)).Payload).RootElement;
        var token2 = JsonDocument.Parse((await late.WaitForAsync(prefix + "2/reservation", p => p.Length > 0)).Payload).RootElement;
        Assert.Equal("Anna", member1.GetProperty("reservedFor").GetString());
        Assert.Equal("Blue card", token2.GetProperty("reservedFor").GetString());
        Assert.DoesNotContain(late.Received, m => m.GetPayloadAsString().Contains("SECRET-CARD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reserve_ThroughApi_DiscoveryConfigsRetainedForChargerDevice()
    {
        await using var charger = await hub.StartChargerAsync("discovery");
        var id = charger.ChargerId;
        await hub.ReserveAsync(id, 1, "TAG-DISC");

        await using var ha = await hub.ObserveAsync("homeassistant/#");
        var node = $"chargehub_{id}";
        var status = await Config(ha, $"homeassistant/sensor/{node}/connector_1_status/config");
        var reserved = await Config(ha, $"homeassistant/binary_sensor/{node}/connector_1_reserved/config");
        var reservedFor = await Config(ha, $"homeassistant/sensor/{node}/connector_1_reserved_for/config");
        var expires = await Config(ha, $"homeassistant/sensor/{node}/connector_1_expires_at/config");
        var cancel = await Config(ha, $"homeassistant/button/{node}/connector_1_cancel_reservation/config");
        await Config(ha, $"homeassistant/sensor/{node}/connector_2_status/config");
        await Config(ha, $"homeassistant/binary_sensor/{node}/any_connector_reserved/config");
        await Config(ha, "homeassistant/binary_sensor/chargehub/status/config");

        foreach (var config in new[] { status, reserved, reservedFor, expires, cancel })
        {
            var device = config.GetProperty("device");
            Assert.Contains(id, device.GetProperty("identifiers").EnumerateArray().Select(i => i.GetString()));
            Assert.Equal(id, device.GetProperty("name").GetString());
            Assert.Equal("ChargingHub", device.GetProperty("manufacturer").GetString());
            Assert.StartsWith($"chargehub_{id}_", config.GetProperty("unique_id").GetString(), StringComparison.Ordinal);
            Assert.Contains(config.GetProperty("availability").EnumerateArray(),
                a => a.GetProperty("topic").GetString() == "chargehub/status" && a.GetProperty("payload_available").GetString() == "online");
        }

        var prefix = $"chargehub/chargers/{id}/connectors/1/";
        Assert.Equal(prefix + "status", status.GetProperty("state_topic").GetString());
        Assert.Equal(prefix + "reserved", reserved.GetProperty("state_topic").GetString());
        Assert.Equal(prefix + "reservation", reservedFor.GetProperty("state_topic").GetString());
        Assert.Equal(prefix + "reservation", expires.GetProperty("state_topic").GetString());
        Assert.Equal("timestamp", expires.GetProperty("device_class").GetString());
        Assert.Equal(prefix + "cancel/set", cancel.GetProperty("command_topic").GetString());
    }

    [Fact]
    public async Task Cancel_ThroughApi_ReservationClearedReservedFalseAndCanceledEvent()
    {
        await using var charger = await hub.StartChargerAsync("ended");
        var id = charger.ChargerId;
        var reservationId = await hub.ReserveAsync(id, 2, "TAG-END");
        await using var live = await hub.ObserveAsync("chargehub/#");
        var prefix = $"chargehub/chargers/{id}/connectors/2/";
        await live.WaitForAsync(prefix + "reserved", "true");

        (await hub.Api.CancelAsync(reservationId, id)).AssertStatus(System.Net.HttpStatusCode.OK);

        var canceled = await live.WaitForEventAsync("ReservationCanceled", id);
        Assert.Equal(reservationId, canceled.GetProperty("reservationId").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(canceled.GetProperty("reason").GetString()));
        await live.WaitForAsync(prefix + "reserved", "false");
        await live.WaitForAsync(prefix + "reservation", "");
        await using var late = await hub.ObserveAsync("chargehub/#");
        await late.WaitForAsync(prefix + "reserved", "false");
        Assert.Empty(late.On(prefix + "reservation"));
    }

    [Fact]
    public async Task ChargerConnectsAndLeaves_OnlineFlagAndEvents()
    {
        await using var live = await hub.ObserveAsync("chargehub/#");
        var charger = await hub.StartChargerAsync("connection");
        var id = charger.ChargerId;
        await live.WaitForEventAsync("ChargerConnected", id);
        await live.WaitForAsync($"chargehub/chargers/{id}/online", "true");

        await charger.DisposeAsync();

        await live.WaitForEventAsync("ChargerDisconnected", id);
        await live.WaitForAsync($"chargehub/chargers/{id}/online", "false");
    }

    [Fact]
    public async Task HomeAssistantBirth_Online_DiscoveryRepublished()
    {
        await using var charger = await hub.StartChargerAsync("birth");
        var topic = $"homeassistant/sensor/chargehub_{charger.ChargerId}/connector_1_status/config";
        await using var ha = await hub.ObserveAsync("homeassistant/#");
        var retained = await ha.WaitForAsync(m => m.Topic == topic, "the retained config");
        Assert.True(retained.Retain);

        ha.Publish("homeassistant/status", "online");

        // Sent again by the hub, so it reaches the live subscriber without the retained flag.
        var again = await ha.WaitForAsync(m => m.Topic == topic && !m.Retain, "the re-published config");
        Assert.Equal(retained.GetPayloadAsString(), again.GetPayloadAsString());
        await ha.WaitForAsync(m => m.Topic == "homeassistant/binary_sensor/chargehub/status/config" && !m.Retain, "the hub's config again");
    }

    [Fact]
    public async Task HomeAssistantWill_Offline_NothingRepublished()
    {
        await using var charger = await hub.StartChargerAsync("ha-offline");
        var topic = $"homeassistant/sensor/chargehub_{charger.ChargerId}/connector_1_status/config";
        await using var ha = await hub.ObserveAsync("homeassistant/#");
        await ha.WaitForAsync(m => m.Topic == topic, "the retained config");

        ha.Publish("homeassistant/status", "offline");
        await Task.Delay(500);

        Assert.DoesNotContain(ha.Received, m => m.Topic == topic && !m.Retain);
    }

    private static async Task<JsonElement> Config(MqttObserver observer, string topic)
    {
        var message = await observer.WaitForAsync(m => m.Topic == topic && m.Payload.Length > 0, topic);
        Assert.True(message.Retain, topic);
        return JsonDocument.Parse(message.Payload).RootElement.Clone();
    }
}
