using System.Net.WebSockets;
using System.Text;
using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Ports;
using ChargingHub.Infrastructure.OcppLog;
using ChargingHub.Ocpp;
using ChargingHub.Web.Hosting;
using ChargingHub.Web.Security;
using Microsoft.Extensions.Options;

namespace ChargingHub.Web.Ocpp;

/// <summary>
/// <c>/ocpp/{chargePointId}</c>: admits a charger (unknown-charger policy, Basic auth, duplicate identity),
/// negotiates the subprotocol and runs its RPC connection until it closes.
/// </summary>
public sealed partial class OcppEndpoint(
    ChargerService chargers,
    IChargerStore chargerStore,
    IOptions<ChargerPolicyOptions> chargerPolicy,
    ChargerConnectionRegistry registry,
    OcppHubServices hub,
    OcppMessageLog messageLog,
    IOptions<OcppEndpointOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    /// <summary>How often the hub pings an idle charger, and how long it waits for the pong before dropping it.</summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);

    private readonly ILogger _logger = loggerFactory.CreateLogger<OcppEndpoint>();

    public async Task HandleAsync(HttpContext context, string chargePointId)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await Results.Problem(detail: "This is the OCPP-J endpoint: connect with a WebSocket (subprotocol ocpp1.6 or ocpp2.0.1).", statusCode: 400)
                .ExecuteAsync(context);
            return;
        }

        var offered = context.WebSockets.WebSocketRequestedProtocols;
        var chosen = offered.FirstOrDefault(p => OcppVersions.TryFromSubprotocol(p, out _));
        var decision = await AdmitAsync(chargePointId, chosen, context.Request.Headers.Authorization.ToString(), context.RequestAborted);
        if (decision.RefusedWith is { } status)
        {
            context.Response.StatusCode = status;
            if (status == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = BasicChallenge;
            }

            return;
        }

        var admitted = decision.Admitted;
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = chosen,
            DangerousEnableCompression = true, // OCPP 2.0.1 requires the CSMS to support RFC 7692 when the station offers it
            KeepAliveInterval = KeepAlive,
            KeepAliveTimeout = KeepAlive,
        });
        if (admitted is null || !OcppVersions.TryFromSubprotocol(chosen, out var version))
        {
            // OCPP-J: complete the handshake without a subprotocol, then close (a peer that never answers the close is cut off).
            using var closeDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.ProtocolError, "No supported OCPP subprotocol offered (ocpp1.6, ocpp2.0.1).", closeDeadline.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                socket.Abort();
            }

            LogRefused(_logger, chargePointId, "no supported subprotocol");
            return;
        }

        await RunSessionAsync(socket, admitted, version, context.RequestAborted);
    }

    /// <summary>
    /// Decides whether a charger may connect (charger id, unknown-charger policy, Basic auth, duplicate identity),
    /// whichever way its upgrade request arrived. A refusal is logged with its reason and carries the HTTP status.
    /// </summary>
    /// <param name="chosen">The subprotocol the hub will speak; without one an unknown id is only looked up, not registered.</param>
    internal async Task<AdmissionDecision> AdmitAsync(string chargePointId, string? chosen, string? authorization, CancellationToken ct)
    {
        if (!ChargerIds.IsValid(chargePointId))
        {
            LogRefused(_logger, chargePointId, "invalid charger id");
            return AdmissionDecision.Refuse(StatusCodes.Status400BadRequest);
        }

        var charger = chosen is null
            ? await chargerStore.GetAsync(chargePointId, ct)
            : await chargers.AdmitAsync(chargePointId, ct);
        if (charger is null && (chosen is not null || chargerPolicy.Value.UnknownChargers == UnknownChargerPolicy.Reject))
        {
            LogRefused(_logger, chargePointId, "unknown charger (Hub:Ocpp:UnknownChargers is Reject)");
            return AdmissionDecision.Refuse(StatusCodes.Status404NotFound);
        }

        var authenticated = charger?.PasswordHash is not null;
        if (authenticated && !HasValidPassword(authorization, charger!))
        {
            LogRefused(_logger, chargePointId, "wrong or missing password");
            return AdmissionDecision.Refuse(StatusCodes.Status401Unauthorized);
        }

        if (!registry.MayConnect(chargePointId, authenticated))
        {
            LogRefused(_logger, chargePointId, "already connected, and the new connection is not authenticated");
            return AdmissionDecision.Refuse(StatusCodes.Status409Conflict);
        }

        // Only what the session needs: the loaded charger is not kept for the connection's lifetime.
        return new AdmissionDecision(charger is null ? null : new Admission(charger.Id, charger.Registration == RegistrationStatus.Accepted, authenticated), null);
    }

    /// <summary>Runs an admitted charger's RPC connection over its WebSocket until either side closes it.</summary>
    internal async Task RunSessionAsync(WebSocket socket, Admission charger, OcppVersion version, CancellationToken ct)
    {
        var session = new ChargerSession(charger.Id, version, charger.Authenticated, charger.Accepted, time.GetUtcNow());
        IOcppCallHandler handler = version == OcppVersion.V16 ? new Ocpp16Handler(session, hub) : new Ocpp201Handler(session, hub);
        var rpcOptions = new OcppRpcOptions
        {
            CallTimeout = TimeSpan.FromSeconds(options.Value.CallTimeoutSeconds),
            Observer = new MessageLogObserver(messageLog, charger.Id, time, _logger),
        };
        await using var connection = new OcppRpcConnection(socket, version, handler, rpcOptions, time, loggerFactory.CreateLogger<OcppRpcConnection>());
        session.Connection = connection;
        if (!registry.TryRegister(session, out var replaced))
        {
            await connection.CloseAsync(WebSocketCloseStatus.PolicyViolation, "Already connected.", CancellationToken.None);
            return;
        }

        if (replaced?.Connection is { } old)
        {
            LogReplaced(_logger, charger.Id);
            await old.CloseAsync(WebSocketCloseStatus.PolicyViolation, "Replaced by a newer authenticated connection.", CancellationToken.None);
        }

        LogConnected(_logger, charger.Id, version.Subprotocol());
        await chargers.OnConnectedAsync(charger.Id, version == OcppVersion.V16 ? ChargerProtocol.Ocpp16 : ChargerProtocol.Ocpp201, CancellationToken.None);
        if (session.Accepted)
        {
            hub.Setup.AfterBoot(session);
        }

        try
        {
            await connection.RunAsync(ct);
        }
        finally
        {
            if (registry.Remove(session))
            {
                await chargers.OnDisconnectedAsync(charger.Id, CancellationToken.None);
            }

            LogDisconnected(_logger, charger.Id);
        }
    }

    /// <summary>Security profile 1: HTTP Basic with the charger id as user name, checked against the stored hash.</summary>
    private static bool HasValidPassword(string? header, Charger charger)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && SecretHasher.FixedTimeEquals(decoded[..colon], charger.Id)
            && SecretHasher.VerifyPassword(decoded[(colon + 1)..], charger.PasswordHash!);
    }

    /// <summary>The challenge of a 401: security profile 1 is HTTP Basic.</summary>
    internal const string BasicChallenge = "Basic realm=\"ChargingHub OCPP\", charset=\"UTF-8\"";

    /// <summary>A charger let in: its id, whether it is accepted already, and whether it gave its password.</summary>
    internal sealed record Admission(string Id, bool Accepted, bool Authenticated);

    /// <summary>
    /// Either a charger let in (<see cref="Admitted"/> is null for an unknown one that offered no subprotocol: it
    /// gets the handshake and a close) or the HTTP status it is refused with.
    /// </summary>
    internal sealed record AdmissionDecision(Admission? Admitted, int? RefusedWith)
    {
        public static AdmissionDecision Refuse(int status) => new(null, status);
    }

    /// <summary>Keeps the recent frames of each charger for troubleshooting in the UI, within a <see cref="FrameLogBudget"/>.</summary>
    private sealed class MessageLogObserver(OcppMessageLog log, string chargerId, TimeProvider time, ILogger logger) : IOcppFrameObserver
    {
        private readonly FrameLogBudget _budget = new(time);

        public void OnFrame(OcppFrameDirection direction, ReadOnlySpan<byte> utf8Frame)
        {
            if (!_budget.TryTake())
            {
                if (_budget.Skipped == 1)
                {
                    LogSampled(logger, chargerId, FrameLogBudget.FramesPerSecond);
                }

                return;
            }

            log.Append(chargerId, direction == OcppFrameDirection.Received ? OcppMessageDirection.Received : OcppMessageDirection.Sent, Encoding.UTF8.GetString(utf8Frame), time.GetUtcNow());
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Charger {ChargerId} sends more than {FramesPerSecond} frames/s: its troubleshooting log now keeps a sample of them")]
    private static partial void LogSampled(ILogger logger, string chargerId, int framesPerSecond);

    [LoggerMessage(Level = LogLevel.Information, Message = "Charger {ChargerId} connected ({Subprotocol})")]
    private static partial void LogConnected(ILogger logger, string chargerId, string subprotocol);

    [LoggerMessage(Level = LogLevel.Information, Message = "Charger {ChargerId} disconnected")]
    private static partial void LogDisconnected(ILogger logger, string chargerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Charger {ChargerId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string chargerId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Charger {ChargerId} reconnected; the older connection is closed")]
    private static partial void LogReplaced(ILogger logger, string chargerId);
}
