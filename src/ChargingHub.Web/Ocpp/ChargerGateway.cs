using System.Text.Json;
using ChargingHub.Domain;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;
using ChargingHub.Ocpp;
using ChargingHub.Ocpp.V16;
using ChargingHub.Ocpp.V201;
using V16 = ChargingHub.Ocpp.V16;
using V201 = ChargingHub.Ocpp.V201;

namespace ChargingHub.Web.Ocpp;

/// <summary>Calls connected chargers in their own protocol version and turns OCPP failures into domain errors.</summary>
public sealed partial class ChargerGateway(ChargerConnectionRegistry registry, ILogger<ChargerGateway> logger) : IChargerGateway
{
    public bool IsConnected(string chargerId) => registry.IsConnected(chargerId);

    /// <summary>Sends one call and waits for the answer (the connection's call timeout applies).</summary>
    public async Task<TResponse> CallAsync<TRequest, TResponse>(string chargerId, OcppAction<TRequest, TResponse> action, TRequest request,
        CancellationToken ct)
    {
        var connection = registry.Find(chargerId)?.Connection
            ?? throw new HubException(HubErrorKind.ChargerOffline, $"Charger '{chargerId}' is not connected.");
        try
        {
            return await connection.CallAsync(action, request, ct);
        }
        catch (OcppCallTimeoutException)
        {
            throw new HubException(HubErrorKind.ChargerTimeout, $"Charger '{chargerId}' did not answer {action.Name} in time.");
        }
        catch (OcppConnectionClosedException)
        {
            throw new HubException(HubErrorKind.ChargerOffline, $"Charger '{chargerId}' disconnected before answering {action.Name}.");
        }
    }

    public OcppVersion? VersionOf(string chargerId) => registry.Find(chargerId)?.Version;

    public async Task<ChargerReserveStatus> ReserveNowAsync(string chargerId, int reservationId, ReservationTerms terms, CancellationToken ct)
    {
        try
        {
            if (VersionOf(chargerId) == OcppVersion.V201)
            {
                var answer = await CallAsync(chargerId, Ocpp201Actions.ReserveNow, new V201.ReserveNowRequest
                {
                    Id = reservationId,
                    ExpiryDateTime = terms.ExpiresAt,
                    IdToken = new IdTokenType { IdToken = terms.IdTag, Type = ParseTokenType(terms.IdTokenType) },
                    EvseId = terms.IsAnyConnector ? null : terms.ConnectorId,
                    ConnectorType = terms.ConnectorType is null ? null : ParseConnectorType(terms.ConnectorType),
                    GroupIdToken = terms.ParentIdTag is null ? null : new IdTokenType { IdToken = terms.ParentIdTag, Type = IdTokenEnumType.Central },
                }, ct);
                return Enum.Parse<ChargerReserveStatus>(answer.Status.ToString());
            }

            var reply = await CallAsync(chargerId, Ocpp16Actions.ReserveNow, new V16.ReserveNowRequest
            {
                ConnectorId = terms.ConnectorId,
                ExpiryDate = terms.ExpiresAt,
                IdTag = terms.IdTag,
                ParentIdTag = terms.ParentIdTag,
                ReservationId = reservationId,
            }, ct);
            return Enum.Parse<ChargerReserveStatus>(reply.Status.ToString());
        }
        catch (OcppCallErrorException ex)
        {
            // A charger without the Reservation profile answers NotImplemented/NotSupported: that is a refusal.
            LogCallError(logger, chargerId, "ReserveNow", ex.WireErrorCode, ex.ErrorDescription);
            return ChargerReserveStatus.Rejected;
        }
    }

    public async Task<ChargerCancelStatus> CancelReservationAsync(string chargerId, int reservationId, CancellationToken ct)
    {
        try
        {
            if (VersionOf(chargerId) == OcppVersion.V201)
            {
                var answer = await CallAsync(chargerId, Ocpp201Actions.CancelReservation, new V201.CancelReservationRequest { ReservationId = reservationId }, ct);
                return answer.Status == CancelReservationStatusEnumType.Accepted ? ChargerCancelStatus.Accepted : ChargerCancelStatus.Rejected;
            }

            var reply = await CallAsync(chargerId, Ocpp16Actions.CancelReservation, new V16.CancelReservationRequest { ReservationId = reservationId }, ct);
            return reply.Status == CancelReservationStatus.Accepted ? ChargerCancelStatus.Accepted : ChargerCancelStatus.Rejected;
        }
        catch (OcppCallErrorException ex)
        {
            LogCallError(logger, chargerId, "CancelReservation", ex.WireErrorCode, ex.ErrorDescription);
            return ChargerCancelStatus.Rejected;
        }
    }

    /// <summary>Reads an enum in its OCPP spelling (e.g. <c>s309-1P-16A</c>) the same way the wire format does.</summary>
    public static ConnectorEnumType ParseConnectorType(string value) =>
        JsonSerializer.Deserialize(JsonSerializer.Serialize(value, Ocpp201JsonContext.Default.String), Ocpp201JsonContext.Default.ConnectorEnumType);

    public static string ConnectorTypeName(ConnectorEnumType value) =>
        JsonSerializer.Serialize(value, Ocpp201JsonContext.Default.ConnectorEnumType).Trim('"');

    private static IdTokenEnumType ParseTokenType(string value) =>
        JsonSerializer.Deserialize(JsonSerializer.Serialize(value, Ocpp201JsonContext.Default.String), Ocpp201JsonContext.Default.IdTokenEnumType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Charger {ChargerId} answered {Action} with CALLERROR {ErrorCode}: {Description}")]
    private static partial void LogCallError(ILogger logger, string chargerId, string action, string errorCode, string description);
}
