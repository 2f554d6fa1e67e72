using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Events;
using ChargingHub.Domain.Reservations;

namespace ChargingHub.Infrastructure.HomeAssistant;

/// <summary>
/// The hub as MQTT shows it (known chargers, their connectors, the Active reservation on each connector) and what to
/// publish when something changes. No I/O: the bridge feeds it events and publishes what it returns. Safe to call from
/// the event loop and the message loop at once.
/// </summary>
public sealed class HubMqttState(HubTopics topics)
{
    private readonly object _gate = new();
    private readonly HomeAssistantDiscovery _discovery = new(topics);
    private readonly Dictionary<string, ChargerDevice> _chargers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _configTopics = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ChargerId, int ConnectorId), List<ActiveReservation>> _byConnector = [];
    private readonly Dictionary<(string ChargerId, int ReservationId), ActiveReservation> _active = [];

    public HubTopics Topics => topics;

    public HomeAssistantDiscovery Discovery => _discovery;

    public bool Knows(string chargerId)
    {
        lock (_gate)
        {
            return _chargers.ContainsKey(chargerId);
        }
    }

    /// <summary>
    /// Takes the hub's state at start-up and returns everything to publish: discovery, every charger's online flag,
    /// every stored connector status, and every connector's reservation (an empty payload clears one left on the broker
    /// by an earlier run).
    /// </summary>
    public IReadOnlyList<MqttOutMessage> Load(IEnumerable<Charger> chargers, Func<string, bool> isOnline,
        IEnumerable<(ReservationView Reservation, ReservationHolder? Holder)> active)
    {
        lock (_gate)
        {
            _chargers.Clear();
            _configTopics.Clear();
            _byConnector.Clear();
            _active.Clear();
            foreach (var (reservation, holder) in active.Where(a => a.Reservation.Status == ReservationStatus.Active))
            {
                Add(new ActiveReservation(reservation, holder));
            }

            var messages = new List<MqttOutMessage>(_discovery.HubConfigs());
            foreach (var charger in chargers)
            {
                var device = ChargerDevice.From(charger);
                _chargers[charger.Id] = device;
                messages.AddRange(DiscoveryChanges(device));
                messages.Add(new MqttOutMessage(topics.ChargerOnline(charger.Id), HubPayloads.Bool(isOnline(charger.Id))));
                foreach (var connector in charger.Connectors.Where(c => c.ConnectorId > 0))
                {
                    messages.Add(new MqttOutMessage(topics.ConnectorStatus(charger.Id, connector.ConnectorId), HubPayloads.Text(connector.Status)));
                }

                foreach (var connectorId in device.Connectors.Prepend(0))
                {
                    messages.AddRange(ReservationState(charger.Id, connectorId));
                }
            }

            // Reservations of a charger that is not listed (should not happen) are still shown.
            foreach (var (chargerId, connectorId) in _byConnector.Keys.Where(k => !_chargers.ContainsKey(k.ChargerId)))
            {
                messages.AddRange(ReservationState(chargerId, connectorId));
            }

            return messages;
        }
    }

    /// <summary>Every discovery config: what to publish again when Home Assistant comes online.</summary>
    public IReadOnlyList<MqttOutMessage> DiscoveryConfigs()
    {
        lock (_gate)
        {
            var messages = new List<MqttOutMessage>(_discovery.HubConfigs());
            foreach (var device in _chargers.Values.Where(d => d.Accepted))
            {
                messages.AddRange(_discovery.ChargerConfigs(device));
            }

            return messages;
        }
    }

    /// <summary>A charger was added or changed (details, approval, reservation support): discovery follows.</summary>
    public IReadOnlyList<MqttOutMessage> ApplyCharger(Charger charger)
    {
        lock (_gate)
        {
            var device = ChargerDevice.From(charger);
            var known = _chargers.GetValueOrDefault(charger.Id);
            foreach (var connectorId in known?.Connectors ?? [])
            {
                device = device.WithConnector(connectorId);
            }

            if (device.Equals(known))
            {
                return [];
            }

            _chargers[charger.Id] = device;
            var messages = new List<MqttOutMessage>(DiscoveryChanges(device));
            foreach (var connectorId in device.Connectors.Prepend(0).Except(known?.Connectors.Prepend(0) ?? []))
            {
                messages.AddRange(ReservationState(charger.Id, connectorId, clearEmpty: false));
            }

            return messages;
        }
    }

    public IReadOnlyList<MqttOutMessage> ApplyConnectorStatus(ConnectorStatusChanged change)
    {
        lock (_gate)
        {
            var messages = new List<MqttOutMessage>
            {
                new(topics.ConnectorStatus(change.ChargerId, change.ConnectorId), HubPayloads.Text(change.Status)),
            };
            if (change.ConnectorId > 0 && _chargers.TryGetValue(change.ChargerId, out var device) && !device.Connectors.Contains(change.ConnectorId))
            {
                var grown = device.WithConnector(change.ConnectorId);
                _chargers[change.ChargerId] = grown;
                messages.AddRange(ReservationState(change.ChargerId, change.ConnectorId, clearEmpty: false));
                messages.AddRange(DiscoveryChanges(grown));
            }

            return messages;
        }
    }

    public IReadOnlyList<MqttOutMessage> ApplyConnection(ChargerConnectionChanged change) =>
    [
        new(topics.ChargerOnline(change.ChargerId), HubPayloads.Bool(change.Online)),
        Event(new HubEventMessage(change.Online ? HubEventTypes.ChargerConnected : HubEventTypes.ChargerDisconnected,
            change.ChargerId, null, null, null, change.At)),
    ];

    /// <summary>Whether <see cref="ApplyReservation"/> needs the holder's name: the reservation became (or stays) Active and was not seen yet in this form.</summary>
    public bool NeedsHolder(ReservationChanged change)
    {
        lock (_gate)
        {
            return change.Reservation.Status == ReservationStatus.Active && !IsAlreadyShown(change.Reservation);
        }
    }

    /// <summary>
    /// A reservation moved: its connector's <c>reservation</c> and <c>reserved</c> topics follow (a replacement that
    /// moved to another connector clears the old one), and the move is reported on <c>events</c> (Pending is not).
    /// </summary>
    public IReadOnlyList<MqttOutMessage> ApplyReservation(ReservationChanged change, ReservationHolder? holder)
    {
        var view = change.Reservation;
        var key = (view.ChargerId, view.ReservationId);
        lock (_gate)
        {
            if (view.Status == ReservationStatus.Pending || (view.Status == ReservationStatus.Active && IsAlreadyShown(view)))
            {
                return [];
            }

            var messages = new List<MqttOutMessage>();
            var previousConnector = _active.TryGetValue(key, out var shown) ? shown.View.ConnectorId : (int?)null;
            if (shown is not null)
            {
                Remove(shown);
            }

            if (view.Status == ReservationStatus.Active)
            {
                Add(new ActiveReservation(view, holder ?? shown?.Holder));
                if (previousConnector is { } old && old != view.ConnectorId)
                {
                    messages.AddRange(ReservationState(view.ChargerId, old));
                }

                messages.AddRange(ReservationState(view.ChargerId, view.ConnectorId));
            }
            else if (previousConnector is { } old)
            {
                messages.AddRange(ReservationState(view.ChargerId, old));
            }

            if (HubEventTypes.ForReservation(view.Status, change.Previous) is { } type)
            {
                messages.Add(Event(new HubEventMessage(type, view.ChargerId, view.ConnectorId, view.ReservationId, change.Cause, change.At)));
            }

            return messages;
        }
    }

    public MqttOutMessage Event(HubEventMessage message) => new(topics.Events, HubPayloads.Event(message), Retain: false);

    private bool IsAlreadyShown(ReservationView view) =>
        _active.TryGetValue((view.ChargerId, view.ReservationId), out var shown)
        && shown.View.ConnectorId == view.ConnectorId
        && shown.View.UpdatedAt == view.UpdatedAt;

    private void Add(ActiveReservation reservation)
    {
        var view = reservation.View;
        _active[(view.ChargerId, view.ReservationId)] = reservation;
        var connector = (view.ChargerId, view.ConnectorId);
        if (!_byConnector.TryGetValue(connector, out var list))
        {
            _byConnector[connector] = list = [];
        }

        list.Add(reservation);
    }

    private void Remove(ActiveReservation reservation)
    {
        var view = reservation.View;
        _active.Remove((view.ChargerId, view.ReservationId));
        var connector = (view.ChargerId, view.ConnectorId);
        if (_byConnector.TryGetValue(connector, out var list))
        {
            list.Remove(reservation);
            if (list.Count == 0)
            {
                _byConnector.Remove(connector);
            }
        }
    }

    /// <summary>
    /// The connector's <c>reserved</c> flag and <c>reservation</c> object. With several Active reservations on one
    /// connector (only "any connector" has that normally) the one that became Active last is shown.
    /// </summary>
    private IEnumerable<MqttOutMessage> ReservationState(string chargerId, int connectorId, bool clearEmpty = true)
    {
        var shown = _byConnector.TryGetValue((chargerId, connectorId), out var list) ? list[^1] : null;
        yield return new MqttOutMessage(topics.ConnectorReserved(chargerId, connectorId), HubPayloads.Bool(shown is not null));
        if (shown is not null)
        {
            yield return new MqttOutMessage(topics.ConnectorReservation(chargerId, connectorId), HubPayloads.Reservation(shown.View, shown.Holder));
        }
        else if (clearEmpty)
        {
            yield return new MqttOutMessage(topics.ConnectorReservation(chargerId, connectorId), HubPayloads.Empty);
        }
    }

    /// <summary>The charger's discovery configs, plus empty payloads for configs it no longer has (Home Assistant then removes those entities).</summary>
    private List<MqttOutMessage> DiscoveryChanges(ChargerDevice device)
    {
        var configs = device.Accepted ? _discovery.ChargerConfigs(device) : [];
        var topicsNow = configs.Select(c => c.Topic).ToHashSet(StringComparer.Ordinal);
        var messages = new List<MqttOutMessage>(configs);
        if (_configTopics.TryGetValue(device.ChargerId, out var before))
        {
            messages.AddRange(before.Where(t => !topicsNow.Contains(t)).Select(t => new MqttOutMessage(t, HubPayloads.Empty)));
        }

        _configTopics[device.ChargerId] = topicsNow;
        return messages;
    }

    private sealed record ActiveReservation(ReservationView View, ReservationHolder? Holder);
}
