using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ChargingHub.Ocpp;

/// <summary>
/// The OCPP-J RPC layer over one WebSocket, usable by either side (central system or charge
/// point): it parses and answers frames, dispatches incoming CALLs to an <see cref="IOcppCallHandler"/>,
/// and sends our own CALLs one at a time, pairing each with its answer.
/// </summary>
/// <remarks>
/// Call <see cref="RunAsync"/> once to run the receive loop. The connection does not dispose
/// the socket; stopping the loop (its token, <see cref="DisposeAsync"/>) aborts the socket if it
/// is still open, while <see cref="CloseAsync"/> closes it gracefully.
/// <para>
/// Every incoming CALL is answered: an action without a request schema gets NotImplemented
/// (when incoming validation is on), a payload that breaks the schema gets the code
/// <see cref="OcppSchemaValidator"/> maps the violation to, a CALL whose message id is still
/// being handled gets ProtocolError (1.6) / RpcFrameworkError (2.0.1), and a frame that is not
/// an RPC message gets a CALLERROR with its own id, or <c>"-1"</c> when none can be read.
/// </para>
/// </remarks>
public sealed partial class OcppRpcConnection : IAsyncDisposable
{
    private const int MaxDescriptionLength = 255;

    /// <summary>How long a close handshake may take before the socket is aborted.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly WebSocket _socket;
    private readonly IOcppCallHandler _handler;
    private readonly OcppSchemaValidator _validator;
    private readonly IOcppFrameObserver? _observer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _callTimeout;
    private readonly int _maxBadFrames;
    private readonly int _maxMessageBytes;
    private readonly bool _validateIncoming;
    private readonly bool _validateOutgoing;

    // Each holds a handful of entries at most (our one call in flight; the peer's calls being handled). Sized
    // for that, the two cost a few hundred bytes per connection rather than a kilobyte: with thousands of
    // chargers connected, that is memory the hub keeps for nothing.
    private readonly InFlightMessages<IPendingCall> _pending = new();
    private readonly InFlightMessages<bool> _handling = new();
    private readonly SemaphoreSlim _callGate = new(1, 1);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly RpcFrameWriter _writer = new();

    // Never disposed: handlers still holding its token after the connection ends must be able to read it.
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _stateGate = new();
    private readonly string _idPrefix;

    private long _idCounter;
    private int _badFrames;
    private int _runState;
    private int _disposed;
    private bool _closed;
    private bool _writerDisposed;
    private ITimer? _closeTimer;

    /// <summary>Creates a connection over an open WebSocket.</summary>
    /// <param name="socket">The open socket; the connection is its only reader and writer from now on.</param>
    /// <param name="version">The OCPP version negotiated as the subprotocol.</param>
    /// <param name="handler">Answers the peer's CALLs.</param>
    /// <param name="options">Timeouts, limits and validation switches.</param>
    /// <param name="timeProvider">The clock for call and close timeouts.</param>
    /// <param name="logger">Receives the connection's log events.</param>
    public OcppRpcConnection(
        WebSocket socket,
        OcppVersion version,
        IOcppCallHandler handler,
        OcppRpcOptions options,
        TimeProvider timeProvider,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.CallTimeout, TimeSpan.Zero, nameof(options.CallTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBadFrames, 1, nameof(options.MaxBadFrames));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxMessageBytes, 64, nameof(options.MaxMessageBytes));
        if (!Enum.IsDefined(version))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, null);
        }

        _socket = socket;
        Version = version;
        _handler = handler;
        _time = timeProvider;
        _logger = logger;

        // Copied so that changing the options object later cannot change a running connection.
        _validator = options.Validator;
        _observer = options.Observer;
        _callTimeout = options.CallTimeout;
        _maxBadFrames = options.MaxBadFrames;
        _maxMessageBytes = options.MaxMessageBytes;
        _validateIncoming = options.ValidateIncoming;
        _validateOutgoing = options.ValidateOutgoing;

        // Ids need to be unique per connection only; a random prefix also keeps them apart across reconnects in logs.
        _idPrefix = Random.Shared.Next().ToString("x8", CultureInfo.InvariantCulture) + "-";
    }

    /// <summary>The OCPP version spoken on this connection.</summary>
    public OcppVersion Version { get; }

    /// <summary>How many outgoing CALLs are sent and waiting for an answer (0 or 1).</summary>
    public int PendingCallCount => _pending.Count;

    /// <summary>Completes when the receive loop has ended and every pending call has been failed.</summary>
    public Task Completion => _stopped.Task;

    /// <summary>
    /// Runs the receive loop until the peer closes the socket, the socket fails, or
    /// <paramref name="ct"/> is cancelled (which aborts the socket). On exit every pending
    /// outgoing call fails with <see cref="OcppConnectionClosedException"/>.
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        if (Interlocked.CompareExchange(ref _runState, 1, 0) != 0)
        {
            throw new InvalidOperationException("RunAsync can only be called once per connection.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, _lifetime.Token);
        Exception? failure = null;
        try
        {
            await ReceiveLoopAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            failure = ex;
            RpcLog.LoopEnded(_logger, stop.IsCancellationRequested ? "stopped" : "socket aborted");
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            failure = ex;
            RpcLog.ConnectionLost(_logger, ex);
        }
        finally
        {
            Shutdown(failure);
        }
    }

    /// <summary>
    /// Sends a typed CALL and waits for its answer. Only one CALL is in flight per connection:
    /// later calls wait their turn (the wait counts against <paramref name="ct"/>, not the call
    /// timeout, whose clock starts when the CALL is sent).
    /// </summary>
    /// <exception cref="OcppException">The request breaks the action's schema (nothing was sent), or the peer's response does.</exception>
    /// <exception cref="OcppCallErrorException">The peer answered with a CALLERROR.</exception>
    /// <exception cref="OcppCallTimeoutException">No answer within <see cref="OcppRpcOptions.CallTimeout"/>.</exception>
    /// <exception cref="OcppConnectionClosedException">The connection closed first.</exception>
    public async Task<TResponse> CallAsync<TRequest, TResponse>(OcppAction<TRequest, TResponse> action, TRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(action);
        var payload = JsonSerializer.SerializeToUtf8Bytes(request, action.RequestType);
        return await InvokeAsync(action.Name, payload, new TypedPendingCall<TResponse>(action.Name, action.ResponseType), ct)
            .ConfigureAwait(false);
    }

    /// <summary>Sends an untyped CALL and returns a detached copy of the response payload; otherwise as the typed overload.</summary>
    public async Task<JsonElement> CallAsync(string action, JsonElement payload, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            payload.WriteTo(writer);
        }

        return await InvokeAsync(action, buffer.WrittenMemory, new ElementPendingCall(action), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes the socket gracefully: sends a close frame and waits (at most 5 s, then aborts)
    /// for the peer's close frame to end the receive loop.
    /// </summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string description, CancellationToken ct)
    {
        if (Volatile.Read(ref _runState) == 0)
        {
            // Nobody is reading, so let the socket run the whole handshake itself.
            using var deadline = new CancellationTokenSource(CloseHandshakeTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
            await _socket.CloseAsync(status, description, linked.Token).ConfigureAwait(false);
            Shutdown(null);
            return;
        }

        await BeginCloseAsync(status, description).ConfigureAwait(false);
        await _stopped.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Stops the receive loop (aborting the socket if it is still open), fails pending calls and returns pooled buffers.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        if (Volatile.Read(ref _runState) != 0)
        {
            await _stopped.Task.ConfigureAwait(false);
        }
        else
        {
            Shutdown(null);
        }

        await _sendLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            _writerDisposed = true;
            _writer.Dispose();
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private string NextMessageId() =>
        string.Create(CultureInfo.InvariantCulture, $"{_idPrefix}{Interlocked.Increment(ref _idCounter)}");

    /// <summary>Ends the connection's life once: fails what is pending and wakes everyone who waits.</summary>
    private void Shutdown(Exception? cause)
    {
        lock (_stateGate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
        }

        var closed = new OcppConnectionClosedException("The connection closed before the peer answered.", cause);
        foreach (var (_, call) in _pending.RemoveAll())
        {
            call.Fail(closed);
        }

        // Wakes callers queued for their turn and handlers still running, and ends any send still in progress.
        _lifetime.Cancel();
        if (_socket.State is not (WebSocketState.Closed or WebSocketState.Aborted))
        {
            _socket.Abort();
        }

        Interlocked.Exchange(ref _closeTimer, null)?.Dispose();
        _stopped.TrySetResult();
    }

    private static string Truncate(string description) =>
        description.Length <= MaxDescriptionLength ? description : description[..MaxDescriptionLength];

    private void Observe(OcppFrameDirection direction, ReadOnlySpan<byte> frame)
    {
        if (_observer is null)
        {
            return;
        }

        try
        {
            _observer.OnFrame(direction, frame);
        }
        catch (Exception ex)
        {
            RpcLog.ObserverFailed(_logger, ex);
        }
    }
}
