using System.Collections.Concurrent;
using System.Text;
using ChargingHub.Domain.Events;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;
using ChargingHub.Mqtt;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChargingHub.Infrastructure.HomeAssistant;

/// <summary>
/// Connects the hub to MQTT: publishes its state and Home Assistant discovery, reports lifecycle events, and obeys
/// reserve/cancel commands (docs/mqtt.md). It reads its own bounded <see cref="HubEventBus"/> subscription, and
/// <see cref="MqttClient.Publish(string, ReadOnlyMemory{byte}, MqttQos, bool)"/> never blocks, so the domain never waits
/// for the broker; with the broker down the hub keeps working and the client catches up when it is back.
/// </summary>
public sealed partial class HomeAssistantBridge : BackgroundService
{
    private readonly MqttClient _client;
    private readonly HomeAssistantSettings _settings;
    private readonly HubEventBus.Subscription _events;
    private readonly IChargerStore _chargers;
    private readonly IReservationStore _reservations;
    private readonly IChargerGateway _gateway;
    private readonly ReservationHolderNames _names;
    private readonly MqttCommandHandler _commands;
    private readonly ILogger<HomeAssistantBridge> _logger;
    private readonly HubMqttState _state;
    private readonly ConcurrentDictionary<Task, byte> _runningCommands = new();
    private volatile bool _stopping;

    public HomeAssistantBridge(MqttClient client, HomeAssistantSettings settings, HubEventBus bus, IChargerStore chargers,
        IReservationStore reservations, IChargerGateway gateway, ReservationHolderNames names, MqttCommandHandler commands,
        ILogger<HomeAssistantBridge> logger)
    {
        _client = client;
        _settings = settings;
        _chargers = chargers;
        _reservations = reservations;
        _gateway = gateway;
        _names = names;
        _commands = commands;
        _logger = logger;
        _state = new HubMqttState(settings.Topics);

        // Subscribed when the host builds its services, before anything starts: events of the start-up recovery
        // (reservations that expired while the hub was stopped) are reported too.
        _events = bus.Subscribe();
        _client.ConnectionChanged += OnConnectionChanged;
    }

    private HubTopics Topics => _settings.Topics;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await _client.StartAsync(cancellationToken).ConfigureAwait(false);

        // Retained, so the client sends it again after every reconnect and it overrides the will ("offline").
        _client.Publish(Topics.Status, HubPayloads.Online, MqttQos.AtLeastOnce, retain: true);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(_runningCommands.Keys).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: commands still waiting for a charger are abandoned.
        }
        finally
        {
            _stopping = true;

            // A graceful stop sends DISCONNECT, which suppresses the will: say "offline" ourselves.
            _client.Publish(Topics.Status, HubPayloads.Offline, MqttQos.AtLeastOnce, retain: true);
            await _client.StopAsync(cancellationToken).ConfigureAwait(false);
            _client.ConnectionChanged -= OnConnectionChanged;
            _events.Dispose();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SubscribeAsync(stoppingToken).ConfigureAwait(false);
        var messages = ReadMessagesAsync(stoppingToken);
        await PublishSnapshotAsync(stoppingToken).ConfigureAwait(false);
        await ReadEventsAsync(stoppingToken).ConfigureAwait(false);
        await messages.ConfigureAwait(false);
    }

    private async Task SubscribeAsync(CancellationToken ct)
    {
        List<string> filters = [Topics.HomeAssistantStatus];
        if (_settings.AcceptCommands)
        {
            filters.Add(Topics.ReserveCommandFilter);
            filters.Add(Topics.CancelCommandFilter);
        }

        foreach (var filter in filters)
        {
            try
            {
                // Completes at once while not connected; the client subscribes on every (re)connect.
                await _client.SubscribeAsync(filter, MqttQos.AtLeastOnce, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSubscribeFailed(_logger, ex, filter);
            }
        }
    }

    private async Task PublishSnapshotAsync(CancellationToken ct)
    {
        try
        {
            var chargers = await _chargers.ListAsync(ct).ConfigureAwait(false);
            var open = await _reservations.ListOpenAsync(ct).ConfigureAwait(false);
            var active = new List<(ReservationView, ReservationHolder?)>();
            var holders = new Dictionary<string, ReservationHolder?>(StringComparer.OrdinalIgnoreCase);
            foreach (var reservation in open.Where(r => r.Status == ReservationStatus.Active))
            {
                var view = reservation.ToView();
                if (!holders.TryGetValue(view.IdTag, out var holder))
                {
                    holders[view.IdTag] = holder = await ResolveHolderAsync(view, ct).ConfigureAwait(false);
                }

                active.Add((view, holder));
            }

            Publish(_state.Load(chargers, _gateway.IsConnected, active));
            LogSnapshotPublished(_logger, chargers.Count, active.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Later events still get published; what is missing shows up with the next change.
            LogSnapshotFailed(_logger, ex);
        }
    }

    private async Task ReadEventsAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var hubEvent in _events.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                try
                {
                    await ApplyAsync(hubEvent, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    LogEventFailed(_logger, ex, hubEvent.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task ApplyAsync(HubEvent hubEvent, CancellationToken ct)
    {
        switch (hubEvent)
        {
            case ReservationChanged change:
                await EnsureKnownAsync(change.Reservation.ChargerId, ct).ConfigureAwait(false);
                var holder = _state.NeedsHolder(change) ? await ResolveHolderAsync(change.Reservation, ct).ConfigureAwait(false) : null;
                Publish(_state.ApplyReservation(change, holder));
                break;
            case ConnectorStatusChanged status:
                await EnsureKnownAsync(status.ChargerId, ct).ConfigureAwait(false);
                Publish(_state.ApplyConnectorStatus(status));
                break;
            case ChargerConnectionChanged connection:
                await EnsureKnownAsync(connection.ChargerId, ct).ConfigureAwait(false);
                Publish(_state.ApplyConnection(connection));
                break;
            case ChargerChanged changed:
                if (await _chargers.GetAsync(changed.ChargerId, ct).ConfigureAwait(false) is { } charger)
                {
                    Publish(_state.ApplyCharger(charger));
                }

                break;
        }
    }

    /// <summary>A charger seen for the first time since start gets its discovery before its first state.</summary>
    private async Task EnsureKnownAsync(string chargerId, CancellationToken ct)
    {
        if (!_state.Knows(chargerId) && await _chargers.GetAsync(chargerId, ct).ConfigureAwait(false) is { } charger)
        {
            Publish(_state.ApplyCharger(charger));
        }
    }

    private async Task<ReservationHolder?> ResolveHolderAsync(ReservationView reservation, CancellationToken ct)
    {
        try
        {
            return await _names.ResolveAsync(reservation.IdTag, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Without a name the reservation is shown without its holder rather than with the raw token.
            LogHolderLookupFailed(_logger, ex, reservation.ChargerId, reservation.ReservationId);
            return null;
        }
    }

    private async Task ReadMessagesAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var message in _client.Messages.ReadAllAsync(ct).ConfigureAwait(false))
            {
                if (message.Topic == Topics.HomeAssistantStatus)
                {
                    OnHomeAssistantStatus(message);
                }
                else if (_settings.AcceptCommands && Topics.TryParseCommand(message.Topic, out _))
                {
                    StartCommand(message, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private void OnHomeAssistantStatus(MqttApplicationMessage message)
    {
        var status = Encoding.UTF8.GetString(message.Payload.Span).Trim();
        if (status == "online")
        {
            var configs = _state.DiscoveryConfigs();
            Publish(configs);
            LogDiscoveryRepublished(_logger, configs.Count);
        }
    }

    private void StartCommand(MqttApplicationMessage message, CancellationToken ct)
    {
        // Commands wait for chargers (up to the call timeout); they must not hold up Home Assistant's birth message or
        // each other across chargers. The handler orders commands per charger and never throws.
        var task = Task.Run(async () =>
        {
            if (await _commands.HandleAsync(message.Topic, message.Payload, message.Retain, ct).ConfigureAwait(false) is { } rejected)
            {
                Publish([_state.Event(rejected)]);
            }
        }, CancellationToken.None);
        _runningCommands.TryAdd(task, 0);
        task.ContinueWith(t => _runningCommands.TryRemove(t, out _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Publish(IReadOnlyList<MqttOutMessage> messages)
    {
        foreach (var message in messages)
        {
            _client.Publish(message.Topic, message.Payload, MqttQos.AtLeastOnce, message.Retain);
        }
    }

    private void OnConnectionChanged(bool connected)
    {
        if (connected)
        {
            LogConnected(_logger);
        }
        else if (!_stopping)
        {
            LogDisconnected(_logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT connected; retained state and subscriptions are restored by the client")]
    private static partial void LogConnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection lost; reconnecting in the background, the hub keeps working")]
    private static partial void LogDisconnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published MQTT state of {ChargerCount} chargers and {ReservationCount} active reservations")]
    private static partial void LogSnapshotPublished(ILogger logger, int chargerCount, int reservationCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read the hub's state to publish it on MQTT")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not publish a {EventType} on MQTT")]
    private static partial void LogEventFailed(ILogger logger, Exception ex, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up who holds reservation {ReservationId} on {ChargerId}")]
    private static partial void LogHolderLookupFailed(ILogger logger, Exception ex, string chargerId, int reservationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not subscribe to {TopicFilter}")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception ex, string topicFilter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Home Assistant came online; re-published {ConfigCount} discovery configs")]
    private static partial void LogDiscoveryRepublished(ILogger logger, int configCount);
}
