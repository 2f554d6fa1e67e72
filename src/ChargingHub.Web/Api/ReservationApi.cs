using ChargingHub.Domain;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;

namespace ChargingHub.Web.Api;

/// <summary>The reservation calls of the REST API (contract: "Reservations").</summary>
public static class ReservationApi
{
    private static readonly string[] IdTokenTypes = ["Central", "eMAID", "ISO14443", "ISO15693", "KeyCode", "Local", "MacAddress", "NoAuthorization"];

    public static RouteGroupBuilder MapReservationApi(this RouteGroupBuilder api)
    {
        var reservations = api.MapGroup("/reservations").WithTags("Reservations");
        reservations.MapPost("/", (ReserveBody body, ReservationService service, CancellationToken ct) =>
                ReserveAsync(body, body.ChargerId, service, ct))
            .WithSummary("Reserve a connector (or any connector) of a charger");
        reservations.MapPost("/{reservationId:int}/cancel", (int reservationId, CancelBody body, ReservationService service, CancellationToken ct) =>
                CancelAsync(body.ChargerId, reservationId, service, ct))
            .WithSummary("Cancel a reservation");
        reservations.MapGet("/", ListAsync).WithSummary("List reservations, newest first");
        reservations.MapGet("/{reservationId:int}", GetAsync).WithSummary("One reservation");

        var actions = api.MapGroup("/chargers/{chargerId}/actions").WithTags("Reservations");
        actions.MapPost("/reserve-now", (string chargerId, ReserveBody body, ReservationService service, CancellationToken ct) =>
                ReserveAsync(body, chargerId, service, ct))
            .WithSummary("Reserve on this charger (same as POST /api/reservations)");
        actions.MapPost("/cancel-reservation", (string chargerId, CancelBody body, ReservationService service, CancellationToken ct) =>
                body.ReservationId is { } id
                    ? CancelAsync(chargerId, id, service, ct)
                    : Task.FromResult(ApiProblems.BadRequest("reservationId", "reservationId is required.")))
            .WithSummary("Cancel a reservation on this charger");
        return api;
    }

    private static async Task<IResult> ReserveAsync(ReserveBody body, string? chargerId, ReservationService service, CancellationToken ct)
    {
        if (ValidationError(body, chargerId) is { } error)
        {
            return ApiProblems.From(error);
        }

        IsoInstant.TryParse(body.ExpiryDate, out var expiresAt);
        var command = new ReserveCommand(chargerId!, body.ConnectorId, body.ConnectorType, expiresAt, body.IdTag!, body.ParentIdTag,
            body.IdTokenType, body.ReservationId);
        var result = await service.ReserveAsync(command, ct);
        return TypedResults.Ok(new Envelope<ReservationOutcomeDto>(new(result.Status.ToString(), ReservationDto.From(result.Reservation))));
    }

    private static async Task<IResult> CancelAsync(string? chargerId, int reservationId, ReservationService service, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(chargerId))
        {
            return ApiProblems.BadRequest("chargerId", "chargerId is required.");
        }

        var result = await service.CancelAsync(chargerId, reservationId, ct);
        return TypedResults.Ok(new Envelope<ReservationOutcomeDto>(new(result.Status.ToString(), ReservationDto.From(result.Reservation))));
    }

    private static async Task<IResult> ListAsync(string? chargerId, string? status, int? limit, IReservationStore store, CancellationToken ct)
    {
        ReservationStatus? statusFilter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<ReservationStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
            {
                return ApiProblems.BadRequest("status", $"status must be one of: {string.Join(", ", Enum.GetNames<ReservationStatus>())}.");
            }

            statusFilter = parsed;
        }

        if (limit is < 1 or > 1000)
        {
            return ApiProblems.BadRequest("limit", "limit must be between 1 and 1000.");
        }

        var found = await store.QueryAsync(new ReservationQuery(chargerId, statusFilter, null, limit ?? 100), ct);
        return TypedResults.Ok(new Envelope<IReadOnlyList<ReservationDto>>(found.Select(r => ReservationDto.From(r.ToView())).ToList()));
    }

    private static async Task<IResult> GetAsync(int reservationId, string? chargerId, IReservationStore store, CancellationToken ct)
    {
        Reservation? found;
        if (!string.IsNullOrEmpty(chargerId))
        {
            found = await store.FindLatestAsync(chargerId, reservationId, ct);
        }
        else
        {
            // Ids are unique per charger only; without a charger, answer when exactly one charger has the id.
            var candidates = (await store.QueryAsync(new ReservationQuery(Limit: 10_000), ct))
                .Where(r => r.ReservationId == reservationId)
                .GroupBy(r => r.ChargerId)
                .ToList();
            if (candidates.Count > 1)
            {
                return ApiProblems.BadRequest("chargerId", $"Several chargers have a reservation {reservationId}; add ?chargerId=.");
            }

            found = candidates.FirstOrDefault()?.First();
        }

        return found is null
            ? ApiProblems.From(HubException.NotFound($"Reservation {reservationId} is not known."))
            : TypedResults.Ok(new Envelope<ReservationDto>(ReservationDto.From(found.ToView())));
    }

    /// <summary>The checks the domain cannot do because they concern the JSON itself (presence, date syntax).</summary>
    private static HubException? ValidationError(ReserveBody body, string? chargerId)
    {
        if (string.IsNullOrWhiteSpace(chargerId))
        {
            return HubException.Invalid("chargerId", "chargerId is required.");
        }

        if (string.IsNullOrWhiteSpace(body.IdTag))
        {
            return HubException.Invalid("idTag", "idTag is required.");
        }

        if (string.IsNullOrWhiteSpace(body.ExpiryDate))
        {
            return HubException.Invalid("expiryDate", "expiryDate is required (ISO 8601 with an offset or Z).");
        }

        if (!IsoInstant.TryParse(body.ExpiryDate, out _))
        {
            return HubException.Invalid("expiryDate", "expiryDate must be an ISO 8601 date-time with an offset or Z, e.g. 2026-05-01T18:45:00Z.");
        }

        if (body.IdTokenType is { } type && !IdTokenTypes.Contains(type, StringComparer.Ordinal))
        {
            return HubException.Invalid("idTokenType", $"idTokenType must be one of: {string.Join(", ", IdTokenTypes)}.");
        }

        return null;
    }
}
