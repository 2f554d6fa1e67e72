using System.Text;
using System.Text.Json;
using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Events;
using ChargingHub.Domain.Reservations;
using ChargingHub.Infrastructure.HomeAssistant;
using static ChargingHub.Infrastructure.Tests.HomeAssistant.HubPayloadsTests;

namespace ChargingHub.Infrastructure.Tests.HomeAssistant;

public sealed class HubMqttStateTests
{
    private const string Base = "chargehub/chargers/CP1/connectors/";
    private static readonly DateTimeOffset At = new(2030, 5, 1, 10, 5, 0, TimeSpan.Zero);
    private readonly HubMqttState _state = new(new HubTopics("chargehub", "homeassistant"));

    private static Charger Charger(bool anyConnector = true, RegistrationStatus registration = RegistrationStatus.Accepted, params int[] connectors) => new()
    {
        Id = "CP1",
        Registration = registration,
        Reservations = ReservationSupport.Charger,
        AnyConnectorReservations = anyConnector,
        Connectors = [.. (connectors.Length == 0 ? [1, 2] : connectors).Select(n => new Connector(n, "Available", null, At))],
    };

    [Fact]
    public void Load_ChargerWithActiveReservation_PublishesEveryTopicRetained()
    {
        var messages = _state.Load([Charger()], _ => true, [(Reservation(connectorId: 2), ReservationHolder.Token("TAG-1"))]);
        var byTopic = messages.ToDictionary(m => m.Topic);

        Assert.All(messages, m => Assert.True(m.Retain, m.Topic));
        Assert.Equal("true", Text(byTopic["chargehub/chargers/CP1/online"]));
        Assert.Equal("Available", Text(byTopic[Base + "1/status"]));
        Assert.Equal("Available", Text(byTopic[Base + "2/status"]));
        Assert.Equal("false", Text(byTopic[Base + "1/reserved"]));
        Assert.Equal("", Text(byTopic[Base + "1/reservation"]));
        Assert.Equal("true", Text(byTopic[Base + "2/reserved"]));
        Assert.Equal(7, Json(byTopic[Base + "2/reservation"]).GetProperty("reservationId").GetInt32());
        Assert.Equal("false", Text(byTopic[Base + "0/reserved"]));
        Assert.Equal("", Text(byTopic[Base + "0/reservation"]));
        Assert.Contains("homeassistant/binary_sensor/chargehub/status/config", byTopic.Keys);
        Assert.Contains("homeassistant/sensor/chargehub_CP1/connector_2_status/config", byTopic.Keys);
    }

    [Fact]
    public void Load_PendingCharger_StateButNoDiscovery()
    {
        var messages = _state.Load([Charger(registration: RegistrationStatus.Pending)], _ => false, []);

        Assert.DoesNotContain(messages, m => m.Topic.Contains("chargehub_CP1", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Topic == "chargehub/chargers/CP1/online" && Text(m) == "false");
        Assert.Single(_state.DiscoveryConfigs());
    }

    [Fact]
    public void ApplyReservation_BecameActive_ReservationReservedAndCreatedEvent()
    {
        _state.Load([Charger()], _ => true, []);
        var change = new ReservationChanged(Reservation(), ReservationStatus.Pending, "accepted by the charger", At);

        Assert.True(_state.NeedsHolder(change));
        var messages = _state.ApplyReservation(change, new ReservationHolder("Anna", IsToken: false));

        Assert.Equal([Base + "1/reserved", Base + "1/reservation", "chargehub/events"], messages.Select(m => m.Topic));
        Assert.Equal("true", Text(messages[0]));
        Assert.Equal("Anna", Json(messages[1]).GetProperty("reservedFor").GetString());
        var created = Json(messages[2]);
        Assert.False(messages[2].Retain);
        Assert.Equal("ReservationCreated", created.GetProperty("type").GetString());
        Assert.Equal("CP1", created.GetProperty("chargerId").GetString());
        Assert.Equal(1, created.GetProperty("connectorId").GetInt32());
        Assert.Equal(7, created.GetProperty("reservationId").GetInt32());
        Assert.Equal("accepted by the charger", created.GetProperty("reason").GetString());
        Assert.Equal("2030-05-01T10:05:00.000Z", created.GetProperty("at").GetString());
    }

    [Fact]
    public void ApplyReservation_SameActiveAgain_NothingPublished()
    {
        var view = Reservation();
        _state.Load([Charger()], _ => true, [(view, ReservationHolder.Token("TAG-1"))]);
        var change = new ReservationChanged(view, ReservationStatus.Pending, "accepted", At);

        Assert.False(_state.NeedsHolder(change));
        Assert.Empty(_state.ApplyReservation(change, null));
    }

    [Theory]
    [InlineData(ReservationStatus.Used, "ReservationUsed")]
    [InlineData(ReservationStatus.Expired, "ReservationExpired")]
    [InlineData(ReservationStatus.Canceled, "ReservationCanceled")]
    [InlineData(ReservationStatus.Removed, "ReservationRemoved")]
    public void ApplyReservation_ActiveEnded_ClearedAndEvent(ReservationStatus status, string type)
    {
        _state.Load([Charger()], _ => true, [(Reservation(), ReservationHolder.Token("TAG-1"))]);

        var messages = _state.ApplyReservation(new ReservationChanged(Reservation(status: status, updatedAt: At), ReservationStatus.Active, "why", At), null);

        Assert.Equal([Base + "1/reserved", Base + "1/reservation", "chargehub/events"], messages.Select(m => m.Topic));
        Assert.Equal("false", Text(messages[0]));
        Assert.Empty(messages[1].Payload);
        Assert.True(messages[1].Retain);
        Assert.Equal(type, Json(messages[2]).GetProperty("type").GetString());
    }

    [Fact]
    public void ApplyReservation_DeclinedWhileAnotherHoldsConnector_OnlyEvent()
    {
        _state.Load([Charger()], _ => true, [(Reservation(id: 1), ReservationHolder.Token("TAG-1"))]);

        var messages = _state.ApplyReservation(
            new ReservationChanged(Reservation(id: 2, idTag: "OTHER", status: ReservationStatus.Declined), ReservationStatus.Pending, "occupied", At), null);

        var only = Assert.Single(messages);
        Assert.Equal("ReservationDeclined", Json(only).GetProperty("type").GetString());
    }

    [Fact]
    public void ApplyReservation_Pending_NothingPublished()
    {
        _state.Load([Charger()], _ => true, []);

        Assert.Empty(_state.ApplyReservation(new ReservationChanged(Reservation(status: ReservationStatus.Pending), null, "requested", At), null));
    }

    [Fact]
    public void ApplyReservation_ReplacementOnOtherConnector_OldClearedNewShownReplacedEvent()
    {
        _state.Load([Charger()], _ => true, [(Reservation(connectorId: 1), ReservationHolder.Token("TAG-1"))]);
        var moved = new ReservationChanged(Reservation(connectorId: 2, updatedAt: At), ReservationStatus.Active, "replaced", At);

        Assert.True(_state.NeedsHolder(moved));
        var messages = _state.ApplyReservation(moved, ReservationHolder.Token("TAG-1"));

        Assert.Equal([Base + "1/reserved", Base + "1/reservation", Base + "2/reserved", Base + "2/reservation", "chargehub/events"],
            messages.Select(m => m.Topic));
        Assert.Equal(("false", ""), (Text(messages[0]), Text(messages[1])));
        Assert.Equal(2, Json(messages[3]).GetProperty("connectorId").GetInt32());
        Assert.Equal("ReservationReplaced", Json(messages[4]).GetProperty("type").GetString());
    }

    [Fact]
    public void ApplyReservation_TwoOnAnyConnectorOneEnds_OtherShown()
    {
        _state.Load([Charger()], _ => true, []);
        _state.ApplyReservation(new ReservationChanged(Reservation(id: 1, connectorId: 0), ReservationStatus.Pending, "a", At), ReservationHolder.Token("TAG-1"));
        _state.ApplyReservation(new ReservationChanged(Reservation(id: 2, connectorId: 0), ReservationStatus.Pending, "b", At), ReservationHolder.Token("TAG-1"));

        var messages = _state.ApplyReservation(
            new ReservationChanged(Reservation(id: 2, connectorId: 0, status: ReservationStatus.Canceled), ReservationStatus.Active, "c", At), null);

        Assert.Equal("true", Text(messages.Single(m => m.Topic == Base + "0/reserved")));
        Assert.Equal(1, Json(messages.Single(m => m.Topic == Base + "0/reservation")).GetProperty("reservationId").GetInt32());
    }

    [Fact]
    public void ApplyConnectorStatus_KnownConnector_OnlyStatus()
    {
        _state.Load([Charger()], _ => true, []);

        var messages = _state.ApplyConnectorStatus(new ConnectorStatusChanged("CP1", 1, "Charging", At));

        var status = Assert.Single(messages);
        Assert.Equal((Base + "1/status", "Charging", true), (status.Topic, Text(status), status.Retain));
    }

    [Fact]
    public void ApplyConnectorStatus_NewConnector_ReservedFlagAndDiscoveryForIt()
    {
        _state.Load([Charger(connectors: [1])], _ => true, []);

        var messages = _state.ApplyConnectorStatus(new ConnectorStatusChanged("CP1", 3, "Available", At));

        Assert.Contains(messages, m => m.Topic == Base + "3/reserved" && Text(m) == "false");
        Assert.Contains(messages, m => m.Topic == "homeassistant/sensor/chargehub_CP1/connector_3_status/config");
        Assert.Contains(_state.DiscoveryConfigs(), m => m.Topic == "homeassistant/button/chargehub_CP1/connector_3_cancel_reservation/config");
    }

    [Fact]
    public void ApplyConnection_OnlineAndOffline_FlagAndEvent()
    {
        var online = _state.ApplyConnection(new ChargerConnectionChanged("CP1", true, At));
        var offline = _state.ApplyConnection(new ChargerConnectionChanged("CP1", false, At));

        Assert.Equal(("chargehub/chargers/CP1/online", "true"), (online[0].Topic, Text(online[0])));
        Assert.Equal("ChargerConnected", Json(online[1]).GetProperty("type").GetString());
        Assert.Equal("false", Text(offline[0]));
        Assert.Equal("ChargerDisconnected", Json(offline[1]).GetProperty("type").GetString());
        Assert.False(offline[1].Retain);
    }

    [Fact]
    public void ApplyCharger_Unchanged_NothingPublished()
    {
        _state.Load([Charger()], _ => true, []);

        Assert.Empty(_state.ApplyCharger(Charger()));
    }

    [Fact]
    public void ApplyCharger_AnyConnectorSupportLost_ItsConfigsCleared()
    {
        _state.Load([Charger()], _ => true, []);

        var messages = _state.ApplyCharger(Charger(anyConnector: false));

        var cleared = messages.Where(m => m.Payload.Length == 0).Select(m => m.Topic).ToList();
        Assert.Equal(4, cleared.Count);
        Assert.All(cleared, t => Assert.Contains("any_connector", t, StringComparison.Ordinal));
        Assert.DoesNotContain(_state.DiscoveryConfigs(), m => m.Topic.Contains("any_connector", StringComparison.Ordinal));
    }

    [Fact]
    public void ApplyCharger_Approved_DiscoveryAppears()
    {
        _state.Load([Charger(registration: RegistrationStatus.Pending)], _ => true, []);

        var messages = _state.ApplyCharger(Charger());

        Assert.Contains(messages, m => m.Topic == "homeassistant/binary_sensor/chargehub_CP1/connected/config");
        Assert.True(_state.Knows("CP1"));
    }

    private static string Text(MqttOutMessage message) => Encoding.UTF8.GetString(message.Payload);

    private static JsonElement Json(MqttOutMessage message) => JsonDocument.Parse(message.Payload).RootElement.Clone();
}
