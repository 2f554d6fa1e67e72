using ChargingHub.Domain;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargingHub.Infrastructure.HomeAssistant;

/// <summary>
/// Carries out reserve and cancel commands received over MQTT through <see cref="ReservationService"/>, like the UI and
/// the API. What happens to a reservation is reported by the normal event flow; a command that is invalid or cannot be
/// carried out changes nothing and is reported as a <c>CommandRejected</c> event with the reason. Never throws.
/// </summary>
public sealed partial class MqttCommandHandler
{
    private readonly ReservationService _reservations;
    private readonly IChargerStore _chargers;
    private readonly IReservationStore _reservationStore;
    private readonly TimeProvider _time;
    private readonly ILogger<MqttCommandHandler> _logger;
    private readonly MqttCommandParser _parser;
    private readonly HubTopics _topics;
    private readonly KeyedLock _perCharger = new();

    public MqttCommandHandler(HomeAssistantSettings settings, ReservationService reservations, IChargerStore chargers,
        IReservationStore reservationStore, IOptions<ReservationOptions> options, TimeProvider time, ILogger<MqttCommandHandler> logger)
    {
        _reservations = reservations;
        _chargers = chargers;
        _reservationStore = reservationStore;
        _time = time;
        _logger = logger;
        _topics = settings.Topics;
        _parser = new MqttCommandParser(settings.Topics, options.Value.MaxDuration);
    }

    /// <summary>
    /// Handles one message from a command topic. Commands for one charger run one after the other, in the order they
    /// arrived, so that "reserve, then cancel" does what it says. Returns the <c>CommandRejected</c> event, if any.
    /// </summary>
    public async Task<HubEventMessage?> HandleAsync(string topic, ReadOnlyMemory<byte> payload, bool retained, CancellationToken ct)
    {
        MqttCommand? command = null;
        try
        {
            if (!_parser.TryParse(topic, payload.Span, _time.GetUtcNow(), out command, out var rejection))
            {
                return Reject(rejection, topic);
            }

            if (retained)
            {
                // A retained command would be carried out again after every reconnect.
                return Reject(command, topic, "Retained commands are ignored: publish commands without the retain flag.");
            }

            // Checked before taking a lock, so that commands naming made-up chargers leave nothing behind.
            if (await _chargers.GetAsync(command.ChargerId, ct).ConfigureAwait(false) is null)
            {
                return Reject(command, topic, $"Charger '{command.ChargerId}' is not known.");
            }

            using (await _perCharger.AcquireAsync(command.ChargerId, ct).ConfigureAwait(false))
            {
                return command switch
                {
                    MqttReserveCommand reserve => await ReserveAsync(reserve, ct).ConfigureAwait(false),
                    MqttCancelCommand cancel => await CancelAsync(cancel, topic, ct).ConfigureAwait(false),
                    _ => null,
                };
            }
        }
        catch (HubException ex) when (ex.Kind == HubErrorKind.ChargerTimeout)
        {
            // The reservation is Failed and that is reported on events already.
            LogCommandFailed(_logger, command?.Name, topic, ex.Message);
            return null;
        }
        catch (HubException ex)
        {
            return Reject(command, topic, ex.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            LogCommandCrashed(_logger, ex, topic);
            return Reject(command, topic, "The hub could not carry out the command because of an internal error; see its log.");
        }
    }

    private async Task<HubEventMessage?> ReserveAsync(MqttReserveCommand command, CancellationToken ct)
    {
        var result = await _reservations.ReserveAsync(
            new ReserveCommand(command.ChargerId, command.ConnectorId, null, command.ExpiresAt, command.IdTag), ct).ConfigureAwait(false);
        LogCommandDone(_logger, command.Name, command.ChargerId, command.ConnectorId, result.Status.ToString(), result.Reservation.ReservationId);
        return null;
    }

    private async Task<HubEventMessage?> CancelAsync(MqttCancelCommand command, string topic, CancellationToken ct)
    {
        var open = await _reservationStore.ListOpenAsync(command.ChargerId, ct).ConfigureAwait(false);
        var active = open
            .Where(r => r.Status == ReservationStatus.Active && r.Terms.ConnectorId == command.ConnectorId)
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefault();
        if (active is null)
        {
            return Reject(command, topic,
                $"There is no active reservation on connector {command.ConnectorId} of charger '{command.ChargerId}' to cancel.");
        }

        var result = await _reservations.CancelAsync(command.ChargerId, active.ReservationId, ct).ConfigureAwait(false);
        LogCommandDone(_logger, command.Name, command.ChargerId, command.ConnectorId, result.Status.ToString(), active.ReservationId);
        return null;
    }

    private HubEventMessage Reject(MqttCommandRejection rejection, string topic)
    {
        LogCommandRejected(_logger, rejection.Kind.ToCommandName(), topic, rejection.Reason);
        return new HubEventMessage(HubEventTypes.CommandRejected, rejection.ChargerId, rejection.ConnectorId, null, rejection.Reason,
            _time.GetUtcNow(), rejection.Kind.ToCommandName());
    }

    private HubEventMessage Reject(MqttCommand? command, string topic, string reason)
    {
        if (command is not null)
        {
            return Reject(new MqttCommandRejection(command.Kind, command.ChargerId, command.ConnectorId, reason), topic);
        }

        // Failed before the command was read: report what the topic says.
        return Reject(_topics.TryParseCommand(topic, out var target)
            ? new MqttCommandRejection(target.Kind, target.ChargerId, null, reason)
            : new MqttCommandRejection(MqttCommandKind.Reserve, "", null, reason), topic);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected MQTT {Command} command on {Topic}: {Reason}")]
    private static partial void LogCommandRejected(ILogger logger, string command, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT {Command} command on {ChargerId} connector {ConnectorId}: {Outcome} (reservation {ReservationId})")]
    private static partial void LogCommandDone(ILogger logger, string command, string chargerId, int connectorId, string outcome, int reservationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT {Command} command on {Topic} failed: {Reason}")]
    private static partial void LogCommandFailed(ILogger logger, string? command, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "MQTT command on {Topic} failed unexpectedly")]
    private static partial void LogCommandCrashed(ILogger logger, Exception ex, string topic);
}
