namespace ChargingHub.Domain.Reservations;

/// <summary>
/// A reservation of one charger's connector (or of any connector) for an id token, with its
/// lifecycle. One method per trigger; each checks <see cref="ReservationLifecycle"/> and records a
/// <see cref="ReservationTransition"/>, so the history says what happened and why.
/// </summary>
public sealed class Reservation
{
    private readonly List<ReservationTransition> _transitions;

    private Reservation(string chargerId, int reservationId, ReservationTerms terms, bool enforcedByHub,
        ReservationStatus status, DateTimeOffset createdAt, DateTimeOffset updatedAt, string? reason,
        List<ReservationTransition> transitions)
    {
        ChargerId = chargerId;
        ReservationId = reservationId;
        Terms = terms;
        EnforcedByHub = enforcedByHub;
        Status = status;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        Reason = reason;
        _transitions = transitions;
    }

    /// <summary>The storage key; 0 until stored.</summary>
    public long Key { get; set; }

    public string ChargerId { get; }

    /// <summary>The OCPP reservation id, unique among the charger's open reservations.</summary>
    public int ReservationId { get; }

    public ReservationTerms Terms { get; private set; }

    /// <summary>True when the charger lacks reservations and the hub keeps this one itself.</summary>
    public bool EnforcedByHub { get; }

    public ReservationStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Why it is in its current state, in words (e.g. the charger's decline status).</summary>
    public string? Reason { get; private set; }

    public IReadOnlyList<ReservationTransition> Transitions => _transitions;

    /// <summary>Transitions not yet written to storage.</summary>
    public int UnsavedTransitions { get; private set; }

    public static Reservation Request(string chargerId, int reservationId, ReservationTerms terms, bool enforcedByHub, DateTimeOffset now) =>
        new(chargerId, reservationId, terms, enforcedByHub, ReservationStatus.Pending, now, now, null, []);

    /// <summary>Rebuilds a stored reservation; no transition is recorded.</summary>
    public static Reservation Restore(long key, string chargerId, int reservationId, ReservationTerms terms, bool enforcedByHub,
        ReservationStatus status, DateTimeOffset createdAt, DateTimeOffset updatedAt, string? reason,
        IEnumerable<ReservationTransition> transitions) =>
        new(chargerId, reservationId, terms, enforcedByHub, status, createdAt, updatedAt, reason, transitions.ToList()) { Key = key };

    public void Accept(DateTimeOffset at) => MoveFromPending(ReservationStatus.Active, at, "accepted by the charger");

    public void AcceptOnBehalfOfCharger(DateTimeOffset at) =>
        MoveFromPending(ReservationStatus.Active, at, "held by the hub (the charger has no reservation support)");

    public void Decline(ChargerReserveStatus answer, DateTimeOffset at, string cause) =>
        Move(ReservationStatus.Declined, at, cause, answer.ToString());

    public void Fail(DateTimeOffset at, string cause) => Move(ReservationStatus.Failed, at, cause, cause);

    public void Use(DateTimeOffset at, string cause) => Move(ReservationStatus.Used, at, cause, null);

    public void Expire(DateTimeOffset at, string cause) => Move(ReservationStatus.Expired, at, cause, null);

    public void Cancel(DateTimeOffset at, string cause) => Move(ReservationStatus.Canceled, at, cause, cause);

    public void Remove(DateTimeOffset at, string cause) => Move(ReservationStatus.Removed, at, cause, cause);

    /// <summary>A ReserveNow with this reservation's id was accepted: the new terms replace the old (H01.FR.02).</summary>
    public void Replace(ReservationTerms terms, DateTimeOffset at)
    {
        Move(ReservationStatus.Active, at, "replaced by a new request with the same id", null);
        Terms = terms;
    }

    public void MarkTransitionsSaved() => UnsavedTransitions = 0;

    /// <summary>Accepting is only an answer to a request; an Active reservation changes terms through <see cref="Replace"/>.</summary>
    private void MoveFromPending(ReservationStatus to, DateTimeOffset at, string cause)
    {
        if (Status != ReservationStatus.Pending)
        {
            throw new InvalidReservationTransitionException(ReservationId, Status, to);
        }

        Move(to, at, cause, null);
    }

    private void Move(ReservationStatus to, DateTimeOffset at, string cause, string? reason)
    {
        if (!ReservationLifecycle.CanMove(Status, to))
        {
            throw new InvalidReservationTransitionException(ReservationId, Status, to);
        }

        _transitions.Add(new ReservationTransition(Status, to, at, cause));
        UnsavedTransitions++;
        Status = to;
        UpdatedAt = at;
        Reason = reason;
    }
}
