using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Events;
using ChargingHub.Domain.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargingHub.Domain.Reservations;

/// <summary>
/// Every reservation use case, whoever asks (web UI, REST API, MQTT, a charger's own messages).
/// Work on one charger is serialized by a per-charger lock that is never held across a call to the
/// charger: the Pending row is stored first (so concurrent requests see it), then the charger is asked,
/// then the answer is applied.
/// </summary>
public sealed partial class ReservationService(
    IChargerStore chargers,
    IReservationStore reservations,
    IChargerGateway gateway,
    IReservationExpiryScheduler expiry,
    IHubEventSink events,
    IOptions<ReservationOptions> options,
    TimeProvider time,
    ILogger<ReservationService> logger)
{
    private readonly KeyedLock _chargerLocks = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Reservation, byte> _replacementsInFlight = new(ReferenceEqualityComparer.Instance);

    public async Task<ReserveResult> ReserveAsync(ReserveCommand command, CancellationToken ct)
    {
        var terms = ValidateTerms(command);
        var charger = await chargers.GetAsync(command.ChargerId, ct).ConfigureAwait(false)
            ?? throw HubException.NotFound($"Charger '{command.ChargerId}' is not known.");
        ValidateForCharger(command, terms, charger);
        if (!gateway.IsConnected(charger.Id))
        {
            throw new HubException(HubErrorKind.ChargerOffline, $"Charger '{charger.Id}' is not connected.");
        }

        var enforcedByHub = charger.Reservations == ReservationSupport.Hub;
        Reservation? replaced;
        Reservation attempt;
        using (await _chargerLocks.AcquireAsync(charger.Id, ct).ConfigureAwait(false))
        {
            var id = command.ReservationId ?? await reservations.NextReservationIdAsync(charger.Id, ct).ConfigureAwait(false);
            replaced = await reservations.FindOpenAsync(charger.Id, id, ct).ConfigureAwait(false);
            if (replaced is { Status: ReservationStatus.Pending })
            {
                throw new HubException(HubErrorKind.Conflict, $"Reservation {id} is still waiting for the charger's answer.");
            }

            attempt = Reservation.Request(charger.Id, id, terms, enforcedByHub, time.GetUtcNow());
            if (await FindConflictAsync(charger.Id, terms, replaced, ct).ConfigureAwait(false) is { } holder)
            {
                attempt.Decline(ChargerReserveStatus.Occupied, time.GetUtcNow(),
                    $"connector {terms.ConnectorId} is already reserved for someone else (reservation {holder.ReservationId})");

                // Like a charger's decline: a declined replacement is only reported, so it never shadows the reservation it would replace.
                if (replaced is null)
                {
                    await reservations.AddAsync(attempt, ct).ConfigureAwait(false);
                    Announce(attempt, ReservationStatus.Pending);
                }

                return new ReserveResult(ChargerReserveStatus.Occupied, attempt.ToView());
            }

            if (replaced is null)
            {
                await reservations.AddAsync(attempt, ct).ConfigureAwait(false);
                Announce(attempt, previous: null);
            }
            else
            {
                // A replacement stores no Pending row: keep its new terms visible to the double-booking check until it is applied.
                _replacementsInFlight.TryAdd(attempt, 0);
            }
        }

        // From here the request is out of the caller's hands: finish it even if the caller goes away,
        // so that nothing stays Pending.
        var answer = charger.Reservations == ReservationSupport.None
            ? ReserveAnswer.From(ChargerReserveStatus.Rejected, "reservations are not offered on this charger")
            : await AskChargerToReserveAsync(charger, attempt, enforcedByHub).ConfigureAwait(false);
        return await ApplyReserveAnswerAsync(attempt, replaced, answer).ConfigureAwait(false);
    }

    public async Task<CancelResult> CancelAsync(string chargerId, int reservationId, CancellationToken ct)
    {
        _ = await chargers.GetAsync(chargerId, ct).ConfigureAwait(false)
            ?? throw HubException.NotFound($"Charger '{chargerId}' is not known.");
        var reservation = await reservations.FindLatestAsync(chargerId, reservationId, ct).ConfigureAwait(false)
            ?? throw HubException.NotFound($"Reservation {reservationId} on charger '{chargerId}' is not known.");
        if (reservation.Status == ReservationStatus.Pending)
        {
            // The charger has not answered the ReserveNow yet; its answer decides what there is to cancel.
            reservation = await WaitUntilSettledAsync(reservation, ct).ConfigureAwait(false);
        }

        if (reservation.Status != ReservationStatus.Active)
        {
            throw new HubException(HubErrorKind.Conflict,
                $"Reservation {reservationId} is {reservation.Status}; only an active reservation can be cancelled.");
        }

        var answer = ChargerCancelStatus.Accepted;
        if (!reservation.EnforcedByHub)
        {
            if (!gateway.IsConnected(chargerId))
            {
                throw new HubException(HubErrorKind.ChargerOffline, $"Charger '{chargerId}' is not connected.");
            }

            answer = await gateway.CancelReservationAsync(chargerId, reservationId, CancellationToken.None).ConfigureAwait(false);
        }

        var cause = answer == ChargerCancelStatus.Accepted
            ? "cancelled through the hub"
            : "the charger no longer had it when asked to cancel";
        var current = await TransitionOpenAsync(chargerId, reservationId, r => r.Status == ReservationStatus.Active,
            r => r.Cancel(time.GetUtcNow(), cause)).ConfigureAwait(false);
        var latest = current ?? await reservations.FindLatestAsync(chargerId, reservationId, CancellationToken.None).ConfigureAwait(false);
        return new CancelResult(answer, (latest ?? reservation).ToView());
    }

    /// <summary>How long a cancel waits for a Pending reservation's answer; the gateway's call timeout ends it sooner.</summary>
    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(2);

    private async Task<Reservation> WaitUntilSettledAsync(Reservation pending, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + SettleLimit;
        var current = pending;
        while (current.Status == ReservationStatus.Pending && time.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, ct).ConfigureAwait(false);
            current = await reservations.FindLatestAsync(pending.ChargerId, pending.ReservationId, ct).ConfigureAwait(false) ?? current;
        }

        return current;
    }

    /// <summary>A 2.0.1 charger reported that it ended a reservation itself (H04, H01.FR.16/17).</summary>
    public Task OnChargerEndedReservationAsync(string chargerId, int reservationId, ChargerReservationUpdate update, CancellationToken ct) =>
        TransitionOpenAsync(chargerId, reservationId, r => r.Status == ReservationStatus.Active, r =>
        {
            if (update == ChargerReservationUpdate.Expired)
            {
                r.Expire(time.GetUtcNow(), "the charger reported it expired");
            }
            else
            {
                r.Remove(time.GetUtcNow(), "the charger removed it");
            }
        });

    /// <summary>
    /// A transaction started. It consumes the reservation it names; firmware that omits the id (or sends -1)
    /// consumes the open reservation the token is admitted to on that connector or on "any connector".
    /// </summary>
    public async Task OnTransactionStartedAsync(string chargerId, int connectorId, string? idTag, string? parentIdTag,
        int? reservationId, CancellationToken ct)
    {
        if (reservationId is >= 0)
        {
            var named = await TransitionOpenAsync(chargerId, reservationId.Value, r => r.Status == ReservationStatus.Active,
                r => r.Use(time.GetUtcNow(), "a transaction started with its reservation id")).ConfigureAwait(false);
            if (named is not null)
            {
                return;
            }
        }

        if (idTag is null)
        {
            return;
        }

        var open = await reservations.ListOpenAsync(chargerId, ct).ConfigureAwait(false);
        var match = open
            .Where(r => r.Status == ReservationStatus.Active && r.Terms.Admits(idTag, parentIdTag)
                && (r.Terms.ConnectorId == connectorId || r.Terms.IsAnyConnector))
            .OrderByDescending(r => r.Terms.ConnectorId == connectorId)
            .FirstOrDefault();
        if (match is not null)
        {
            await TransitionOpenAsync(chargerId, match.ReservationId, r => r.Status == ReservationStatus.Active,
                r => r.Use(time.GetUtcNow(), "its token started a transaction on the reserved connector")).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A connector reported a status. Faulted or Unavailable ends the reservations it holds (1.6 chargers send
    /// no ReservationStatusUpdate); connector 0 stands for the whole charger.
    /// </summary>
    public async Task OnConnectorStatusAsync(string chargerId, int connectorId, string status, CancellationToken ct)
    {
        if (!ConnectorStatus.EndsReservation(status))
        {
            return;
        }

        var open = await reservations.ListOpenAsync(chargerId, ct).ConfigureAwait(false);
        foreach (var held in open.Where(r => r.Status == ReservationStatus.Active
                     && (connectorId == 0 || r.Terms.ConnectorId == connectorId)))
        {
            await TransitionOpenAsync(chargerId, held.ReservationId, r => r.Status == ReservationStatus.Active,
                r => r.Remove(time.GetUtcNow(), $"connector {connectorId} became {status}")).ConfigureAwait(false);
        }
    }

    /// <summary>Called by the expiry scheduler at a reservation's expiry time.</summary>
    public Task ExpireAsync(string chargerId, int reservationId, CancellationToken ct) =>
        TransitionOpenAsync(chargerId, reservationId,
            r => r.Status == ReservationStatus.Active && r.Terms.ExpiresAt <= time.GetUtcNow(),
            r => r.Expire(time.GetUtcNow(), "its expiry time passed (hub clock)"));

    /// <summary>
    /// At start-up: reservations that expired while the hub was down are marked Expired, the others get
    /// their expiry scheduled again, and a request the hub was waiting on when it stopped is Failed.
    /// </summary>
    public async Task RecoverAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var reservation in await reservations.ListOpenAsync(ct).ConfigureAwait(false))
        {
            if (reservation.Status == ReservationStatus.Pending)
            {
                reservation.Fail(now, "the hub restarted before the charger answered");
                await SaveAndAnnounceAsync(reservation, ReservationStatus.Pending).ConfigureAwait(false);
            }
            else if (reservation.Terms.ExpiresAt <= now)
            {
                reservation.Expire(now, "its expiry time passed while the hub was stopped");
                await SaveAndAnnounceAsync(reservation, ReservationStatus.Active).ConfigureAwait(false);
            }
            else
            {
                await expiry.ScheduleAsync(reservation.ChargerId, reservation.ReservationId, reservation.Terms.ExpiresAt, ct)
                    .ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="idTag"/> may charge on a connector given the reservations there, for firmware that
    /// doesn't enforce reservations and for chargers whose reservations the hub keeps. A null connector (Authorize
    /// carries none) is refused only when every connector is held for someone else.
    /// </summary>
    public async Task<bool> IsHeldForSomeoneElseAsync(string chargerId, int? connectorId, string idTag, string? parentIdTag,
        CancellationToken ct)
    {
        var open = await reservations.ListOpenAsync(chargerId, ct).ConfigureAwait(false);
        var others = open.Where(r => r.Status == ReservationStatus.Active && !r.Terms.Admits(idTag, parentIdTag)).ToList();
        if (others.Count == 0)
        {
            return false;
        }

        if (connectorId is > 0 && others.Any(r => r.Terms.ConnectorId == connectorId))
        {
            return true;
        }

        // Any-connector reservations hold "one of the connectors": refuse once they (with the specific ones)
        // account for every connector the charger has.
        var charger = await chargers.GetAsync(chargerId, ct).ConfigureAwait(false);
        var connectorCount = charger?.Connectors.Count(c => c.ConnectorId > 0) ?? 0;
        var mine = open.Count(r => r.Status == ReservationStatus.Active && r.Terms.Admits(idTag, parentIdTag));
        return connectorCount > 0 && mine == 0 && others.Count >= connectorCount
            && (connectorId is null or 0 || others.Any(r => r.Terms.IsAnyConnector));
    }

    private ReservationTerms ValidateTerms(ReserveCommand command)
    {
        if (string.IsNullOrWhiteSpace(command.IdTag))
        {
            throw HubException.Invalid("idTag", "idTag is required.");
        }

        if (command.ParentIdTag is { Length: 0 })
        {
            throw HubException.Invalid("parentIdTag", "parentIdTag must not be empty; leave it out instead.");
        }

        if (command.ConnectorId is < 0)
        {
            throw HubException.Invalid("connectorId", "connectorId must be 0 (any connector) or a connector number.");
        }

        if (command.ReservationId is < 0)
        {
            throw HubException.Invalid("reservationId", "reservationId must not be negative.");
        }

        if (command.ConnectorType is not null)
        {
            if (command.ConnectorId is > 0)
            {
                throw HubException.Invalid("connectorType", "connectorType can only be used without a connectorId (any connector of that type).");
            }

            if (!ConnectorTypes.IsKnown(command.ConnectorType))
            {
                throw HubException.Invalid("connectorType", $"connectorType must be one of: {string.Join(", ", ConnectorTypes.All)}.");
            }
        }

        var now = time.GetUtcNow();
        if (command.ExpiresAt <= now)
        {
            throw HubException.Invalid("expiryDate", "expiryDate must be in the future.");
        }

        var maxDuration = options.Value.MaxDuration;
        if (command.ExpiresAt - now > maxDuration)
        {
            throw HubException.Invalid("expiryDate", $"expiryDate must be at most {maxDuration} from now.");
        }

        return new ReservationTerms
        {
            ConnectorId = command.ConnectorId ?? 0,
            ConnectorType = command.ConnectorType,
            IdTag = command.IdTag,
            IdTokenType = string.IsNullOrEmpty(command.IdTokenType) ? "Central" : command.IdTokenType,
            ParentIdTag = command.ParentIdTag,
            ExpiresAt = command.ExpiresAt.ToUniversalTime(),
        };
    }

    private static void ValidateForCharger(ReserveCommand command, ReservationTerms terms, Charger charger)
    {
        if (charger.Protocol is { } protocol)
        {
            var max = protocol.MaxIdTagLength();
            if (terms.IdTag.Length > max)
            {
                throw HubException.Invalid("idTag", $"idTag must be at most {max} characters for an OCPP {protocol.DisplayName()} charger.");
            }

            if (terms.ParentIdTag?.Length > max)
            {
                throw HubException.Invalid("parentIdTag", $"parentIdTag must be at most {max} characters for an OCPP {protocol.DisplayName()} charger.");
            }

            if (protocol == ChargerProtocol.Ocpp16 && command.ConnectorType is not null)
            {
                throw HubException.Invalid("connectorType", "connectorType reservations need an OCPP 2.0.1 charger.");
            }
        }

        if (terms.ConnectorId > 0 && charger.FindConnector(terms.ConnectorId) is null)
        {
            throw HubException.Invalid("connectorId", $"Charger '{charger.Id}' has no connector {terms.ConnectorId}.");
        }
    }

    /// <summary>An open reservation of someone else that already holds the requested connector (double booking).</summary>
    private async Task<Reservation?> FindConflictAsync(string chargerId, ReservationTerms terms, Reservation? replaced, CancellationToken ct)
    {
        if (terms.IsAnyConnector)
        {
            return null; // the charger decides whether an EVSE is still free
        }

        var open = await reservations.ListOpenAsync(chargerId, ct).ConfigureAwait(false);
        var replacing = _replacementsInFlight.Keys.Where(r => r.ChargerId == chargerId);
        return open.Concat(replacing).FirstOrDefault(r => r.Terms.ConnectorId == terms.ConnectorId
            && r.ReservationId != replaced?.ReservationId
            && !string.Equals(r.Terms.IdTag, terms.IdTag, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<ReserveAnswer> AskChargerToReserveAsync(Charger charger, Reservation attempt, bool enforcedByHub)
    {
        if (enforcedByHub)
        {
            return attempt.Terms.IsAnyConnector
                ? ReserveAnswer.From(ChargerReserveStatus.Rejected,
                    "this charger has no reservation support, and the hub can only hold a specific connector for it")
                : ReserveAnswer.From(ChargerReserveStatus.Accepted, null);
        }

        try
        {
            var status = await gateway.ReserveNowAsync(charger.Id, attempt.ReservationId, attempt.Terms, CancellationToken.None)
                .ConfigureAwait(false);
            return ReserveAnswer.From(status, status == ChargerReserveStatus.Rejected ? "the charger rejected the reservation" : null);
        }
        catch (HubException ex) when (ex.Kind is HubErrorKind.ChargerTimeout or HubErrorKind.ChargerOffline)
        {
            return new ReserveAnswer(null, ex);
        }
        catch (Exception ex)
        {
            LogChargerCallFailed(logger, ex, charger.Id, attempt.ReservationId);
            return new ReserveAnswer(null, new HubException(HubErrorKind.ChargerTimeout, $"The charger's answer could not be used: {ex.Message}"));
        }
    }

    private async Task<ReserveResult> ApplyReserveAnswerAsync(Reservation attempt, Reservation? replaced, ReserveAnswer answer)
    {
        var ct = CancellationToken.None;
        using var _ = await _chargerLocks.AcquireAsync(attempt.ChargerId, ct).ConfigureAwait(false);
        _replacementsInFlight.TryRemove(attempt, out var _);
        var now = time.GetUtcNow();
        if (answer.Failure is { } failure)
        {
            var target = replaced is null ? attempt : await reservations.FindOpenAsync(attempt.ChargerId, attempt.ReservationId, ct).ConfigureAwait(false);
            if (target is not null)
            {
                var previous = target.Status;
                if (target.Status == ReservationStatus.Pending)
                {
                    target.Fail(now, failure.Kind == HubErrorKind.ChargerTimeout ? "the charger did not answer in time" : "the charger disconnected before answering");
                }
                else
                {
                    target.Cancel(now, "a replacement request got no answer from the charger");
                    await expiry.UnscheduleAsync(target.ChargerId, target.ReservationId, ct).ConfigureAwait(false);
                }

                await SaveAndAnnounceAsync(target, previous).ConfigureAwait(false);
            }

            if (failure.Kind == HubErrorKind.ChargerTimeout)
            {
                CancelOnChargerInBackground(attempt.ChargerId, attempt.ReservationId);
            }

            throw failure;
        }

        var status = answer.Status!.Value;
        if (status == ChargerReserveStatus.Accepted)
        {
            var accepted = await AcceptAsync(attempt, replaced, now).ConfigureAwait(false);
            await expiry.ScheduleAsync(accepted.ChargerId, accepted.ReservationId, accepted.Terms.ExpiresAt, ct).ConfigureAwait(false);
            return new ReserveResult(status, accepted.ToView());
        }

        attempt.Decline(status, now, answer.Reason ?? $"the charger answered {status}");
        if (replaced is null)
        {
            await reservations.UpdateAsync(attempt, ct).ConfigureAwait(false);
            Announce(attempt, ReservationStatus.Pending);
        }

        // A declined replacement leaves the old reservation as it was; the attempt is only reported.
        return new ReserveResult(status, attempt.ToView());
    }

    /// <summary>Makes the accepted request Active: a new one, or the replaced one with the new terms.</summary>
    private async Task<Reservation> AcceptAsync(Reservation attempt, Reservation? replaced, DateTimeOffset now)
    {
        var ct = CancellationToken.None;
        var current = replaced is null ? null : await reservations.FindOpenAsync(attempt.ChargerId, attempt.ReservationId, ct).ConfigureAwait(false);
        if (current is not null)
        {
            current.Replace(attempt.Terms, now);
            await SaveAndAnnounceAsync(current, ReservationStatus.Active).ConfigureAwait(false);
            return current;
        }

        if (attempt.EnforcedByHub)
        {
            attempt.AcceptOnBehalfOfCharger(now);
        }
        else
        {
            attempt.Accept(now);
        }

        // The replaced reservation may have ended while the charger was asked; the accepted one then stands on its own.
        if (attempt.Key == 0)
        {
            await reservations.AddAsync(attempt, ct).ConfigureAwait(false);
            Announce(attempt, ReservationStatus.Pending);
        }
        else
        {
            await SaveAndAnnounceAsync(attempt, ReservationStatus.Pending).ConfigureAwait(false);
        }

        return attempt;
    }

    private void CancelOnChargerInBackground(string chargerId, int reservationId) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await gateway.CancelReservationAsync(chargerId, reservationId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Best effort: the charger will expire it on its own at expiryDate anyway.
                LogBestEffortCancelFailed(logger, ex, chargerId, reservationId);
            }
        });

    /// <summary>Applies <paramref name="move"/> to the open reservation under the charger's lock, if it still qualifies.</summary>
    private async Task<Reservation?> TransitionOpenAsync(string chargerId, int reservationId, Func<Reservation, bool> qualifies, Action<Reservation> move)
    {
        var ct = CancellationToken.None;
        using var _ = await _chargerLocks.AcquireAsync(chargerId, ct).ConfigureAwait(false);
        var reservation = await reservations.FindOpenAsync(chargerId, reservationId, ct).ConfigureAwait(false);
        if (reservation is null || !qualifies(reservation))
        {
            LogNothingToEnd(logger, chargerId, reservationId);
            return null;
        }

        var previous = reservation.Status;
        move(reservation);
        await SaveAndAnnounceAsync(reservation, previous).ConfigureAwait(false);
        if (!reservation.Status.IsOpen())
        {
            await expiry.UnscheduleAsync(chargerId, reservationId, ct).ConfigureAwait(false);
        }

        return reservation;
    }

    private async Task SaveAndAnnounceAsync(Reservation reservation, ReservationStatus previous)
    {
        await reservations.UpdateAsync(reservation, CancellationToken.None).ConfigureAwait(false);
        Announce(reservation, previous);
    }

    private void Announce(Reservation reservation, ReservationStatus? previous)
    {
        var cause = reservation.Transitions.Count > 0 ? reservation.Transitions[^1].Cause : "requested";
        LogReservationChanged(logger, reservation.ChargerId, reservation.ReservationId, reservation.Status, cause);
        events.Publish(new ReservationChanged(reservation.ToView(), previous, cause, reservation.UpdatedAt));
    }

    private readonly record struct ReserveAnswer(ChargerReserveStatus? Status, HubException? Failure, string? Reason = null)
    {
        public static ReserveAnswer From(ChargerReserveStatus status, string? reason) => new(status, null, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reservation {ReservationId} on {ChargerId} is now {Status}: {Cause}")]
    private static partial void LogReservationChanged(ILogger logger, string chargerId, int reservationId, ReservationStatus status, string cause);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No open reservation {ReservationId} on {ChargerId} to update")]
    private static partial void LogNothingToEnd(ILogger logger, string chargerId, int reservationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Best-effort CancelReservation {ReservationId} to {ChargerId} failed")]
    private static partial void LogBestEffortCancelFailed(ILogger logger, Exception ex, string chargerId, int reservationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "ReserveNow {ReservationId} to {ChargerId} failed unexpectedly")]
    private static partial void LogChargerCallFailed(ILogger logger, Exception ex, string chargerId, int reservationId);
}
