using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;

namespace ChargingHub.Domain.Tests.Fakes;

/// <summary>
/// An <see cref="IReservationStore"/> in memory that behaves like a database: it keeps copies, hands out
/// fresh objects on every read (so a change the service forgets to save is lost, as it would be with SQLite),
/// and appends only the transitions not yet saved.
/// </summary>
public sealed class InMemoryReservationStore : IReservationStore
{
    private readonly object _gate = new();
    private readonly List<Row> _rows = [];
    private long _lastKey;

    public int AddCount { get; private set; }

    public int UpdateCount { get; private set; }

    public Task<Reservation?> FindOpenAsync(string chargerId, int reservationId, CancellationToken ct) =>
        Task.FromResult(Newest(r => r.ChargerId == chargerId && r.ReservationId == reservationId && r.Status.IsOpen()));

    public Task<Reservation?> FindLatestAsync(string chargerId, int reservationId, CancellationToken ct) =>
        Task.FromResult(Newest(r => r.ChargerId == chargerId && r.ReservationId == reservationId));

    public Task<IReadOnlyList<Reservation>> ListOpenAsync(string chargerId, CancellationToken ct) =>
        Task.FromResult(Select(r => r.ChargerId == chargerId && r.Status.IsOpen(), int.MaxValue));

    public Task<IReadOnlyList<Reservation>> ListOpenAsync(CancellationToken ct) =>
        Task.FromResult(Select(r => r.Status.IsOpen(), int.MaxValue));

    public Task<IReadOnlyList<Reservation>> QueryAsync(ReservationQuery query, CancellationToken ct) =>
        Task.FromResult(Select(
            r => (query.ChargerId is null || r.ChargerId == query.ChargerId)
                && (query.Status is null || r.Status == query.Status)
                && (query.IdTags is null || query.IdTags.Contains(r.Terms.IdTag, StringComparer.OrdinalIgnoreCase)),
            query.Limit));

    public Task<int> NextReservationIdAsync(string chargerId, CancellationToken ct)
    {
        lock (_gate)
        {
            var used = _rows.Where(r => r.ChargerId == chargerId).Select(r => r.ReservationId).ToList();
            return Task.FromResult(used.Count == 0 ? 1 : used.Max() + 1);
        }
    }

    public Task AddAsync(Reservation reservation, CancellationToken ct)
    {
        lock (_gate)
        {
            if (reservation.Key != 0)
            {
                throw new InvalidOperationException($"Reservation {reservation.ReservationId} is already stored (key {reservation.Key}).");
            }

            reservation.Key = ++_lastKey;
            _rows.Add(new Row(reservation.Key, reservation.ChargerId, reservation.ReservationId, reservation.EnforcedByHub, reservation.CreatedAt)
            {
                Terms = reservation.Terms,
                Status = reservation.Status,
                UpdatedAt = reservation.UpdatedAt,
                Reason = reservation.Reason,
                Transitions = [.. reservation.Transitions],
            });
            reservation.MarkTransitionsSaved();
            AddCount++;
        }

        return Task.CompletedTask;
    }

    public Task UpdateAsync(Reservation reservation, CancellationToken ct)
    {
        lock (_gate)
        {
            var row = _rows.SingleOrDefault(r => r.Key == reservation.Key && reservation.Key != 0)
                ?? throw new InvalidOperationException($"Reservation {reservation.ReservationId} (key {reservation.Key}) is not stored.");
            row.Terms = reservation.Terms;
            row.Status = reservation.Status;
            row.UpdatedAt = reservation.UpdatedAt;
            row.Reason = reservation.Reason;
            var unsaved = reservation.UnsavedTransitions;
            row.Transitions.AddRange(reservation.Transitions.Skip(reservation.Transitions.Count - unsaved));
            reservation.MarkTransitionsSaved();
            UpdateCount++;
        }

        return Task.CompletedTask;
    }

    /// <summary>Every stored reservation of a charger, oldest first (for assertions).</summary>
    public IReadOnlyList<Reservation> All(string chargerId) =>
        Select(r => r.ChargerId == chargerId, int.MaxValue).Reverse().ToList();

    /// <summary>Stores a reservation as it would be found after a restart (for arranging a state).</summary>
    public Reservation Seed(Reservation reservation)
    {
        AddAsync(reservation, CancellationToken.None).GetAwaiter().GetResult();
        return reservation;
    }

    private Reservation? Newest(Func<Row, bool> predicate)
    {
        lock (_gate)
        {
            var row = _rows.Where(predicate).MaxBy(r => r.Key);
            return row?.ToReservation();
        }
    }

    private IReadOnlyList<Reservation> Select(Func<Row, bool> predicate, int limit)
    {
        lock (_gate)
        {
            return _rows.Where(predicate).OrderByDescending(r => r.Key).Take(limit).Select(r => r.ToReservation()).ToList();
        }
    }

    private sealed class Row(long key, string chargerId, int reservationId, bool enforcedByHub, DateTimeOffset createdAt)
    {
        public long Key { get; } = key;

        public string ChargerId { get; } = chargerId;

        public int ReservationId { get; } = reservationId;

        public required ReservationTerms Terms { get; set; }

        public required ReservationStatus Status { get; set; }

        public required DateTimeOffset UpdatedAt { get; set; }

        public string? Reason { get; set; }

        public required List<ReservationTransition> Transitions { get; init; }

        public Reservation ToReservation() => Reservation.Restore(Key, ChargerId, ReservationId, Terms, enforcedByHub, Status,
            createdAt, UpdatedAt, Reason, Transitions.ToList());
    }
}
