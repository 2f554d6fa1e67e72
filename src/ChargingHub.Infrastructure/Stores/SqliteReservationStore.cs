using ChargingHub.Domain;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;
using ChargingHub.Infrastructure.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ChargingHub.Infrastructure.Stores;

/// <summary>
/// Reservations with their transition history. A reservation's transitions are stored as rows numbered by
/// their position in <see cref="Reservation.Transitions"/>, so saving appends only the ones not yet saved.
/// </summary>
public sealed class SqliteReservationStore(SqliteDatabase database) : IReservationStore
{
    private const string OpenStatuses = "('Pending', 'Active')";

    public Task<Reservation?> FindOpenAsync(string chargerId, int reservationId, CancellationToken ct) =>
        FindOneAsync(
            $"WHERE charger_id = @chargerId AND reservation_id = @reservationId AND status IN {OpenStatuses}", "id",
            new { chargerId, reservationId }, ct);

    /// <summary>
    /// The reservation this id stands for now: the open one if there is one, else the newest. (An attempt
    /// the hub declined itself is stored under the id it asked for while an older reservation with that
    /// id may still be open; the open one is what a cancel or a lookup means.)
    /// </summary>
    public Task<Reservation?> FindLatestAsync(string chargerId, int reservationId, CancellationToken ct) =>
        FindOneAsync(
            "WHERE charger_id = @chargerId AND reservation_id = @reservationId",
            $"status IN {OpenStatuses} DESC, created_at DESC, id DESC",
            new { chargerId, reservationId }, ct);

    public Task<IReadOnlyList<Reservation>> ListOpenAsync(string chargerId, CancellationToken ct) =>
        ListAsync($"WHERE charger_id = @chargerId AND status IN {OpenStatuses}", "id", limit: null, new { chargerId }, ct);

    public Task<IReadOnlyList<Reservation>> ListOpenAsync(CancellationToken ct) =>
        ListAsync($"WHERE status IN {OpenStatuses}", "id", limit: null, null, ct);

    /// <summary>
    /// Newest first (created_at, then insertion order). <see cref="ReservationQuery.IdTags"/> matches the
    /// reservation's own idTag, case-insensitively; an empty collection matches nothing.
    /// </summary>
    public Task<IReadOnlyList<Reservation>> QueryAsync(ReservationQuery query, CancellationToken ct)
    {
        var conditions = new List<string>();
        var parameters = new DynamicParameters();
        if (query.ChargerId is not null)
        {
            conditions.Add("charger_id = @ChargerId");
            parameters.Add("ChargerId", query.ChargerId);
        }

        if (query.Status is { } status)
        {
            conditions.Add("status = @Status");
            parameters.Add("Status", status.ToString());
        }

        if (query.IdTags is { } idTags)
        {
            if (idTags.Count == 0)
            {
                return Task.FromResult<IReadOnlyList<Reservation>>([]);
            }

            conditions.Add("id_tag IN @IdTags");
            parameters.Add("IdTags", idTags.ToArray());
        }

        var where = conditions.Count == 0 ? "" : $"WHERE {string.Join(" AND ", conditions)}";
        return ListAsync(where, "created_at DESC, id DESC", Math.Max(0, query.Limit), parameters, ct);
    }

    public Task<int> NextReservationIdAsync(string chargerId, CancellationToken ct) =>
        database.ReadAsync(async session => checked((int)await session.ExecuteScalarAsync<long>(
            "SELECT COALESCE(MAX(reservation_id), 0) + 1 FROM reservations WHERE charger_id = @chargerId",
            new { chargerId }).ConfigureAwait(false)), ct);

    /// <summary>
    /// Adds the reservation. A second open reservation with the same id on the charger is refused with a
    /// <see cref="HubErrorKind.Conflict"/> (the partial unique index decides, so racing requests cannot both win).
    /// </summary>
    public async Task AddAsync(Reservation reservation, CancellationToken ct)
    {
        if (reservation.Key != 0)
        {
            throw new InvalidOperationException($"Reservation {reservation.ReservationId} is already stored (key {reservation.Key}).");
        }

        try
        {
            await InsertAsync(reservation, ct).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteErrorCodes.ConstraintUnique)
        {
            throw new HubException(HubErrorKind.Conflict,
                $"Reservation {reservation.ReservationId} is already open on charger '{reservation.ChargerId}'.");
        }
    }

    public async Task UpdateAsync(Reservation reservation, CancellationToken ct)
    {
        if (reservation.Key == 0)
        {
            throw new InvalidOperationException($"Reservation {reservation.ReservationId} has not been added yet.");
        }

        await database.WriteAsync(async session =>
        {
            var row = ReservationRow.From(reservation);
            var updated = await session.ExecuteAsync("""
                UPDATE reservations SET
                    connector_id = @ConnectorId, connector_type = @ConnectorType, id_tag = @IdTag, id_token_type = @IdTokenType,
                    parent_id_tag = @ParentIdTag, expires_at = @ExpiresAt, status = @Status, reason = @Reason, updated_at = @UpdatedAt
                WHERE id = @Id
                """, row).ConfigureAwait(false);
            if (updated == 0)
            {
                throw new InvalidOperationException($"Reservation key {reservation.Key} is not in the database.");
            }

            var firstUnsaved = reservation.Transitions.Count - reservation.UnsavedTransitions;
            await InsertTransitionsAsync(session, reservation.Key, reservation, firstUnsaved).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);

        reservation.MarkTransitionsSaved();
    }

    private async Task InsertAsync(Reservation reservation, CancellationToken ct)
    {
        var key = await database.WriteAsync(async session =>
        {
            var key = await session.ExecuteScalarAsync<long>("""
                INSERT INTO reservations (reservation_id, charger_id, connector_id, connector_type, id_tag, id_token_type,
                                          parent_id_tag, expires_at, status, reason, enforced_by_hub, created_at, updated_at)
                VALUES (@ReservationId, @ChargerId, @ConnectorId, @ConnectorType, @IdTag, @IdTokenType,
                        @ParentIdTag, @ExpiresAt, @Status, @Reason, @EnforcedByHub, @CreatedAt, @UpdatedAt)
                RETURNING id
                """, ReservationRow.From(reservation)).ConfigureAwait(false);
            await InsertTransitionsAsync(session, key, reservation, firstUnsaved: 0).ConfigureAwait(false);
            return key;
        }, ct).ConfigureAwait(false);

        // Only once committed: a failed add leaves the reservation unstored (Key 0) for the caller.
        reservation.Key = key;
        reservation.MarkTransitionsSaved();
    }

    private static Task InsertTransitionsAsync(SqliteSession session, long key, Reservation reservation, int firstUnsaved)
    {
        var rows = reservation.Transitions
            .Skip(firstUnsaved)
            .Select((t, i) => new
            {
                Key = key,
                Seq = firstUnsaved + i,
                From = t.From.ToString(),
                To = t.To.ToString(),
                At = SqliteTime.ToText(t.At),
                t.Cause,
            })
            .ToList();
        return rows.Count == 0
            ? Task.CompletedTask
            : session.ExecuteAsync(
                "INSERT INTO reservation_transitions (reservation_key, seq, from_status, to_status, at, cause) VALUES (@Key, @Seq, @From, @To, @At, @Cause)",
                rows);
    }

    private async Task<Reservation?> FindOneAsync(string where, string order, object param, CancellationToken ct) =>
        (await ListAsync(where, order, limit: 1, param, ct).ConfigureAwait(false)).SingleOrDefault();

    /// <summary>
    /// The reservations <paramref name="where"/> selects, in <paramref name="order"/>, each with its transitions:
    /// one statement (the transitions joined in), so it reads one consistent snapshot in one round.
    /// </summary>
    private Task<IReadOnlyList<Reservation>> ListAsync(string where, string order, int? limit, object? param, CancellationToken ct)
    {
        var sql = $"""
            SELECT r.id, r.reservation_id, r.charger_id, r.connector_id, r.connector_type, r.id_tag, r.id_token_type,
                   r.parent_id_tag, r.expires_at, r.status, r.reason, r.enforced_by_hub, r.created_at, r.updated_at,
                   t.seq AS transition_seq, t.from_status AS transition_from, t.to_status AS transition_to,
                   t.at AS transition_at, t.cause AS transition_cause
            FROM (SELECT * FROM reservations {where} ORDER BY {order} LIMIT @Limit) AS r
            LEFT JOIN reservation_transitions AS t ON t.reservation_key = r.id
            ORDER BY {order}, t.seq
            """;
        var parameters = new DynamicParameters(param);
        parameters.Add("Limit", limit ?? -1); // SQLite: a negative limit is no limit
        return database.ReadAsync<IReadOnlyList<Reservation>>(async session =>
        {
            var rows = await session.QueryAsync<ReservationRow>(sql, parameters).ConfigureAwait(false);
            var reservations = new List<Reservation>();
            foreach (var group in GroupByReservation(rows))
            {
                var transitions = group.Where(r => r.TransitionSeq is not null).Select(r => r.ToTransition());
                reservations.Add(group[0].ToReservation(transitions));
            }

            return reservations;
        }, ct);
    }

    // The statement orders by the reservation order (which ends in the unique id), then seq, so each
    // reservation's rows arrive together.
    private static IEnumerable<List<ReservationRow>> GroupByReservation(IEnumerable<ReservationRow> rows)
    {
        List<ReservationRow>? group = null;
        foreach (var row in rows)
        {
            if (group is not null && group[0].Id != row.Id)
            {
                yield return group;
                group = null;
            }

            (group ??= []).Add(row);
        }

        if (group is not null)
        {
            yield return group;
        }
    }

    private sealed class ReservationRow
    {
        public long Id { get; set; }

        public long ReservationId { get; set; }

        public string ChargerId { get; set; } = "";

        public long ConnectorId { get; set; }

        public string? ConnectorType { get; set; }

        public string IdTag { get; set; } = "";

        public string IdTokenType { get; set; } = "";

        public string? ParentIdTag { get; set; }

        public string ExpiresAt { get; set; } = "";

        public string Status { get; set; } = "";

        public string? Reason { get; set; }

        public long EnforcedByHub { get; set; }

        public string CreatedAt { get; set; } = "";

        public string UpdatedAt { get; set; } = "";

        // The joined transition, if the reservation has any.
        public long? TransitionSeq { get; set; }

        public string? TransitionFrom { get; set; }

        public string? TransitionTo { get; set; }

        public string? TransitionAt { get; set; }

        public string? TransitionCause { get; set; }

        public static ReservationRow From(Reservation r) => new()
        {
            Id = r.Key,
            ReservationId = r.ReservationId,
            ChargerId = r.ChargerId,
            ConnectorId = r.Terms.ConnectorId,
            ConnectorType = r.Terms.ConnectorType,
            IdTag = r.Terms.IdTag,
            IdTokenType = r.Terms.IdTokenType,
            ParentIdTag = r.Terms.ParentIdTag,
            ExpiresAt = SqliteTime.ToText(r.Terms.ExpiresAt),
            Status = r.Status.ToString(),
            Reason = r.Reason,
            EnforcedByHub = r.EnforcedByHub ? 1 : 0,
            CreatedAt = SqliteTime.ToText(r.CreatedAt),
            UpdatedAt = SqliteTime.ToText(r.UpdatedAt),
        };

        public Reservation ToReservation(IEnumerable<ReservationTransition> transitions) => Reservation.Restore(
            Id,
            ChargerId,
            checked((int)ReservationId),
            new ReservationTerms
            {
                ConnectorId = checked((int)ConnectorId),
                ConnectorType = ConnectorType,
                IdTag = IdTag,
                IdTokenType = IdTokenType,
                ParentIdTag = ParentIdTag,
                ExpiresAt = SqliteTime.Parse(ExpiresAt),
            },
            EnforcedByHub != 0,
            Enum.Parse<ReservationStatus>(Status),
            SqliteTime.Parse(CreatedAt),
            SqliteTime.Parse(UpdatedAt),
            Reason,
            transitions);

        public ReservationTransition ToTransition() => new(
            Enum.Parse<ReservationStatus>(TransitionFrom!),
            Enum.Parse<ReservationStatus>(TransitionTo!),
            SqliteTime.Parse(TransitionAt!),
            TransitionCause!);
    }
}
