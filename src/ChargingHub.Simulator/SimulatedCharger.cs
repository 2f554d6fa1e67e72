using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ChargingHub.Ocpp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargingHub.Simulator;

/// <summary>
/// A charger for either protocol version that boots, reports statuses, keeps reservations the way a real
/// charger does (Reserved status, expiry, cancel), starts and stops transactions, and records every call the
/// hub makes. The answers to ReserveNow / CancelReservation can be scripted, delayed or withheld.
/// </summary>
public sealed partial class SimulatedCharger : IOcppCallHandler, IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<int, string> _connectorStatus = new();
    private readonly ConcurrentDictionary<int, HeldReservation> _reservations = new();
    private readonly CancellationTokenSource _stopping = new();
    private OcppRpcConnection? _connection;
    private Task _running = Task.CompletedTask;

    public SimulatedCharger(SimulatorOptions options, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        Options = options;
        _time = time ?? TimeProvider.System;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = LoggerFactory.CreateLogger<SimulatedCharger>();
        for (var connector = 1; connector <= options.Connectors; connector++)
        {
            _connectorStatus[connector] = "Available";
        }
    }

    public SimulatorOptions Options { get; }

    public string ChargerId => Options.ChargerId;

    public OcppVersion Version => Options.Version;

    private ILoggerFactory LoggerFactory { get; }

    /// <summary>Every call the hub sent.</summary>
    public ReceivedCalls Received { get; } = new();

    /// <summary>How it answers ReserveNow: Accepted, Faulted, Occupied, Rejected or Unavailable. Default: like a charger would.</summary>
    public string? ReserveNowAnswer { get; set; }

    /// <summary>How it answers CancelReservation: Accepted or Rejected. Default: Accepted when it holds that reservation.</summary>
    public string? CancelReservationAnswer { get; set; }

    /// <summary>When set, ReserveNow answers wait for this task (a test releases it), e.g. to race two requests.</summary>
    public Task? HoldReserveNowUntil { get; set; }

    /// <summary>When true, the simulator never answers ReserveNow / CancelReservation, so the hub times out.</summary>
    public bool Unresponsive { get; set; }

    /// <summary>Whether it sends StatusNotification itself after reservations change (a real charger does).</summary>
    public bool ReportsReservedStatus { get; set; } = true;

    public IReadOnlyDictionary<int, string> ConnectorStatus => _connectorStatus;

    public IReadOnlyDictionary<int, HeldReservation> Reservations => _reservations;

    /// <summary>Completes when the connection closes.</summary>
    public Task Completion => _running;

    public bool IsConnected => _connection is not null && !_running.IsCompleted;

    /// <summary>Connects to <c>{hubOcppUrl}/{chargerId}</c>, e.g. <c>ws://localhost:5000/ocpp</c>.</summary>
    public async Task ConnectAsync(Uri hubOcppUrl, CancellationToken ct = default)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(Version.Subprotocol());
        if (Options.Password is not null)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ChargerId}:{Options.Password}"));
            socket.Options.SetRequestHeader("Authorization", $"Basic {basic}");
        }

        await socket.ConnectAsync(new Uri($"{hubOcppUrl.ToString().TrimEnd('/')}/{Uri.EscapeDataString(ChargerId)}"), ct);
        Attach(socket);
    }

    /// <summary>Runs over an already connected WebSocket (e.g. one from an in-memory test server).</summary>
    public void Attach(WebSocket socket)
    {
        var options = new OcppRpcOptions { CallTimeout = Options.CallTimeout };
        _connection = new OcppRpcConnection(socket, Version, this, options, _time, LoggerFactory.CreateLogger<OcppRpcConnection>());
        _running = Task.Run(() => _connection.RunAsync(_stopping.Token));
    }

    /// <summary>Boots and returns the registration status the hub answered (Accepted, Pending, Rejected).</summary>
    public async Task<string> BootAsync()
    {
        var answer = Version == OcppVersion.V16
            ? await CallAsync("BootNotification", new { chargePointVendor = Options.Vendor, chargePointModel = Options.Model, firmwareVersion = "sim-1.0" })
            : await CallAsync("BootNotification", new
            {
                reason = "PowerUp",
                chargingStation = new { vendorName = Options.Vendor, model = Options.Model, firmwareVersion = "sim-1.0" },
            });
        return answer.GetProperty("status").GetString()!;
    }

    /// <summary>Boots and reports the status of every connector.</summary>
    public async Task<string> BootAndReportAsync()
    {
        var status = await BootAsync();
        if (status == "Accepted")
        {
            await ReportAllStatusesAsync();
        }

        return status;
    }

    public Task HeartbeatAsync() => CallAsync("Heartbeat", new { });

    /// <summary>Reports a connector status; 1.6-only words (Charging, Preparing, …) become Occupied on 2.0.1.</summary>
    public async Task SendStatusAsync(int connectorId, string status)
    {
        _connectorStatus[connectorId] = status;
        if (Version == OcppVersion.V16)
        {
            await CallAsync("StatusNotification", new { connectorId, errorCode = status == "Faulted" ? "OtherError" : "NoError", status });
        }
        else
        {
            var connectorStatus = status is "Available" or "Reserved" or "Unavailable" or "Faulted" ? status : "Occupied";
            await CallAsync("StatusNotification", new
            {
                timestamp = Now(),
                connectorStatus,
                evseId = connectorId,
                connectorId = 1,
            });
        }
    }

    public async Task ReportAllStatusesAsync()
    {
        foreach (var (connector, status) in _connectorStatus.OrderBy(c => c.Key))
        {
            await SendStatusAsync(connector, status);
        }
    }

    /// <summary>Asks the hub about a token: (status, parent/group token).</summary>
    public async Task<(string Status, string? Parent)> AuthorizeAsync(string idTag)
    {
        if (Version == OcppVersion.V16)
        {
            var answer = await CallAsync("Authorize", new { idTag });
            var info = answer.GetProperty("idTagInfo");
            return (info.GetProperty("status").GetString()!, info.TryGetProperty("parentIdTag", out var p) ? p.GetString() : null);
        }

        var reply = await CallAsync("Authorize", new { idToken = new { idToken = idTag, type = "ISO14443" } });
        var tokenInfo = reply.GetProperty("idTokenInfo");
        return (tokenInfo.GetProperty("status").GetString()!,
            tokenInfo.TryGetProperty("groupIdToken", out var g) ? g.GetProperty("idToken").GetString() : null);
    }

    /// <summary>
    /// Starts a transaction (1.6 StartTransaction, 2.0.1 TransactionEvent Started) and returns its id and the hub's
    /// authorization status. A held reservation for this token is consumed, as a charger does.
    /// </summary>
    public async Task<(string TransactionId, string Status)> StartTransactionAsync(int connectorId, string idTag, int? reservationId = null)
    {
        if (reservationId is { } used)
        {
            _reservations.TryRemove(used, out _);
        }

        if (Version == OcppVersion.V16)
        {
            var answer = await CallAsync("StartTransaction", new StartTransaction16(connectorId, idTag, 0, reservationId, Now()));
            return (answer.GetProperty("transactionId").GetInt32().ToString(CultureInfo.InvariantCulture),
                answer.GetProperty("idTagInfo").GetProperty("status").GetString()!);
        }

        var transactionId = Guid.NewGuid().ToString("N")[..20];
        var reply = await CallAsync("TransactionEvent", new TransactionEvent201(
            "Started", Now(), "Authorized", 0, new TransactionInfo201(transactionId, "EVConnected", null),
            new Evse201(connectorId, 1), new IdToken201(idTag, "ISO14443"), reservationId));
        var status = reply.TryGetProperty("idTokenInfo", out var info) ? info.GetProperty("status").GetString()! : "Accepted";
        return (transactionId, status);
    }

    public async Task StopTransactionAsync(string transactionId, int connectorId, string? idTag = null)
    {
        if (Version == OcppVersion.V16)
        {
            await CallAsync("StopTransaction", new StopTransaction16(int.Parse(transactionId, CultureInfo.InvariantCulture), 1000, Now(), idTag, "Local"));
            return;
        }

        await CallAsync("TransactionEvent", new TransactionEvent201(
            "Ended", Now(), "StopAuthorized", 1, new TransactionInfo201(transactionId, "Idle", "Local"),
            new Evse201(connectorId, 1), idTag is null ? null : new IdToken201(idTag, "ISO14443"), null));
    }

    /// <summary>2.0.1: the charger itself ends a reservation (Expired or Removed), as H04 / H01.FR.16 describe.</summary>
    public async Task SendReservationStatusUpdateAsync(int reservationId, string status)
    {
        _reservations.TryRemove(reservationId, out _);
        await CallAsync("ReservationStatusUpdate", new { reservationId, reservationUpdateStatus = status });
    }

    /// <summary>Sends any call with any payload and returns the hub's answer (throws on CALLERROR).</summary>
    public Task<JsonElement> CallRawAsync(string action, JsonElement payload) =>
        Connection.CallAsync(action, payload, _stopping.Token);

    public async Task CloseAsync()
    {
        if (_connection is not null && !_running.IsCompleted)
        {
            await _connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync();
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone.
        }

        await _stopping.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or WebSocketException or OcppConnectionClosedException)
        {
            // Shutting down anyway.
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private OcppRpcConnection Connection => _connection ?? throw new InvalidOperationException("Connect first.");

    private Task<JsonElement> CallAsync<T>(string action, T payload) =>
        Connection.CallAsync(action, JsonSerializer.SerializeToElement(payload, SimulatorJson.Options), _stopping.Token);

    private string Now() => _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Runs a charger-initiated message after the current answer has gone out, as a real charger would.</summary>
    private void Later(Func<Task> action) => _ = Task.Run(async () =>
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), _time);
            await action();
        }
        catch (Exception ex) when (ex is OcppException or OcppCallErrorException or OcppCallTimeoutException or OcppConnectionClosedException
                                       or OperationCanceledException or WebSocketException or InvalidOperationException)
        {
            LogFollowUpFailed(_logger, ChargerId, ex.Message);
        }
    });

    [LoggerMessage(Level = LogLevel.Debug, Message = "Simulator {ChargerId}: a follow-up message failed: {Reason}")]
    private static partial void LogFollowUpFailed(ILogger logger, string chargerId, string reason);
}

/// <summary>A reservation the simulated charger holds.</summary>
public sealed record HeldReservation(int ReservationId, int ConnectorId, string IdTag, string? ParentIdTag, DateTimeOffset ExpiresAt, string? ConnectorType);
