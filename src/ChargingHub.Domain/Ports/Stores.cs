using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Reservations;
using ChargingHub.Domain.Tokens;
using ChargingHub.Domain.Transactions;

namespace ChargingHub.Domain.Ports;

public interface IChargerStore
{
    Task<Charger?> GetAsync(string chargerId, CancellationToken ct);

    Task<IReadOnlyList<Charger>> ListAsync(CancellationToken ct);

    /// <summary>Adds a new charger; throws if the id exists.</summary>
    Task AddAsync(Charger charger, CancellationToken ct);

    /// <summary>Saves the charger's own fields (not its connectors).</summary>
    Task UpdateAsync(Charger charger, CancellationToken ct);

    /// <summary>
    /// Inserts or replaces one connector's status and type; a null type keeps the known one. Reads see it at
    /// once; the store may put it on disk a moment later, together with others (it sits on the OCPP hot path).
    /// </summary>
    Task SaveConnectorAsync(string chargerId, Connector connector, CancellationToken ct);

    /// <summary>Records when the charger was last heard from, like <see cref="SaveConnectorAsync"/>; an earlier time changes nothing.</summary>
    Task SaveLastSeenAsync(string chargerId, DateTimeOffset at, CancellationToken ct);
}

public interface ITokenStore
{
    Task<IdToken?> GetAsync(string idTag, CancellationToken ct);

    Task<IReadOnlyList<IdToken>> ListAsync(CancellationToken ct);

    /// <summary>Inserts or replaces by idTag (case-insensitive).</summary>
    Task SaveAsync(IdToken token, CancellationToken ct);

    Task<bool> DeleteAsync(string idTag, CancellationToken ct);
}

public interface ITransactionStore
{
    Task<Transaction?> GetAsync(string chargerId, string transactionId, CancellationToken ct);

    /// <summary>Inserts or replaces by (chargerId, transactionId).</summary>
    Task SaveAsync(Transaction transaction, CancellationToken ct);

    /// <summary>A new integer id for a 1.6 StartTransaction, unique across the hub.</summary>
    Task<int> NextLocalIdAsync(CancellationToken ct);

    Task<IReadOnlyList<Transaction>> ListRecentAsync(string? chargerId, int limit, CancellationToken ct);
}

/// <summary>Filter for listing reservations; every criterion is optional.</summary>
public sealed record ReservationQuery(
    string? ChargerId = null,
    ReservationStatus? Status = null,
    IReadOnlyCollection<string>? IdTags = null,
    int Limit = 100);

public interface IReservationStore
{
    /// <summary>The Pending or Active reservation with this id on the charger, if any.</summary>
    Task<Reservation?> FindOpenAsync(string chargerId, int reservationId, CancellationToken ct);

    /// <summary>The newest reservation with this id on the charger, whatever its status.</summary>
    Task<Reservation?> FindLatestAsync(string chargerId, int reservationId, CancellationToken ct);

    /// <summary>Pending and Active reservations of one charger.</summary>
    Task<IReadOnlyList<Reservation>> ListOpenAsync(string chargerId, CancellationToken ct);

    /// <summary>Pending and Active reservations of every charger (start-up recovery, board).</summary>
    Task<IReadOnlyList<Reservation>> ListOpenAsync(CancellationToken ct);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<Reservation>> QueryAsync(ReservationQuery query, CancellationToken ct);

    /// <summary>One more than the highest reservation id ever stored for the charger (1 for a new charger).</summary>
    Task<int> NextReservationIdAsync(string chargerId, CancellationToken ct);

    /// <summary>Stores a new reservation with its transitions and sets <see cref="Reservation.Key"/>.</summary>
    Task AddAsync(Reservation reservation, CancellationToken ct);

    /// <summary>Saves status, terms, reason and the transitions not yet saved.</summary>
    Task UpdateAsync(Reservation reservation, CancellationToken ct);
}
