using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ChargingHub.Ocpp;

namespace ChargingHub.Web.Tests.Ocpp;

/// <summary>
/// A charger played frame by frame over any WebSocket: sends whatever text a test wants and reads the hub's frames
/// in the background. The hub's own CALLs are answered with minimal valid payloads unless <see cref="AutoAnswer"/>
/// is off, so that the hub's post-boot questions never hold up a test.
/// </summary>
public sealed class RawOcppClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly WebSocket _socket;
    private readonly OcppVersion _version;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Lock _gate = new();
    private readonly List<JsonElement> _frames = [];
    private readonly HashSet<int> _taken = [];
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _receiving;
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;

    public RawOcppClient(WebSocket socket, OcppVersion version)
    {
        _socket = socket;
        _version = version;
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    public WebSocket Socket => _socket;

    /// <summary>Whether the hub's CALLs are answered automatically (default true).</summary>
    public bool AutoAnswer { get; set; } = true;

    /// <summary>Completes with the close status once the hub has closed the connection (null: it just went away).</summary>
    public Task<WebSocketCloseStatus?> Closed => _closed.Task;

    /// <summary>Every frame received so far, in order.</summary>
    public IReadOnlyList<JsonElement> Frames
    {
        get
        {
            lock (_gate)
            {
                return [.. _frames];
            }
        }
    }

    public async Task SendTextAsync(string text)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends a CALL and returns the hub's answer frame (CALLRESULT or CALLERROR).</summary>
    public async Task<JsonElement> CallAsync(string action, object payload, TimeSpan? timeout = null)
    {
        var id = "t" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        await SendTextAsync(JsonSerializer.Serialize(new object[] { 2, id, action, payload }));
        return await WaitForReplyAsync(id, timeout);
    }

    /// <summary>Sends a CALL that must succeed and returns the CALLRESULT payload.</summary>
    public async Task<JsonElement> CallResultAsync(string action, object payload)
    {
        var reply = await CallAsync(action, payload);
        Assert.True(reply[0].GetInt32() == 3, $"{action} was answered with {reply.GetRawText()}");
        return reply[2];
    }

    /// <summary>Boots with a valid BootNotification of the connection's version and returns the registration status.</summary>
    public async Task<string> BootAsync()
    {
        var payload = _version == OcppVersion.V16
            ? (object)new { chargePointVendor = "RawVendor", chargePointModel = "RawModel" }
            : new { reason = "PowerUp", chargingStation = new { vendorName = "RawVendor", model = "RawModel" } };
        var result = await CallResultAsync("BootNotification", payload);
        return result.GetProperty("status").GetString()!;
    }

    public Task<JsonElement> WaitForReplyAsync(string messageId, TimeSpan? timeout = null) =>
        WaitForFrameAsync(f => f.GetArrayLength() >= 3 && f[0].GetInt32() is 3 or 4 && f[1].GetString() == messageId,
            $"an answer to {messageId}", timeout);

    public Task<JsonElement> WaitForHubCallAsync(string action, TimeSpan? timeout = null) =>
        WaitForFrameAsync(f => f.GetArrayLength() == 4 && f[0].GetInt32() == 2 && f[2].GetString() == action,
            $"a {action} from the hub", timeout);

    /// <summary>The next not-yet-returned frame that matches, whatever else arrived in between.</summary>
    public async Task<JsonElement> WaitForFrameAsync(Func<JsonElement, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = Task.Delay(timeout ?? DefaultWait);
        while (true)
        {
            Task added;
            lock (_gate)
            {
                for (var i = 0; i < _frames.Count; i++)
                {
                    if (!_taken.Contains(i) && IsRpcArray(_frames[i]) && match(_frames[i]))
                    {
                        _taken.Add(i);
                        return _frames[i];
                    }
                }

                added = _added.Task;
            }

            if (_closed.Task.IsCompleted)
            {
                throw new InvalidOperationException($"The connection closed ({await _closed.Task}) before {what} arrived.");
            }

            if (await Task.WhenAny(added, deadline, _closed.Task) == deadline)
            {
                throw new TimeoutException($"No {what} in time.");
            }
        }
    }

    /// <summary>Waits for the hub to close the connection and returns its close status.</summary>
    public async Task<WebSocketCloseStatus?> WaitForCloseAsync(TimeSpan? timeout = null) =>
        await _closed.Task.WaitAsync(timeout ?? DefaultWait);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cts.Token);
            }

            await _receiving.WaitAsync(TimeSpan.FromSeconds(3));
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException or ObjectDisposedException
                                       or InvalidOperationException)
        {
            _socket.Abort();
        }

        _socket.Dispose();
        _sendLock.Dispose();
    }

    private static bool IsRpcArray(JsonElement frame) =>
        frame.ValueKind == JsonValueKind.Array && frame.GetArrayLength() >= 2 && frame[0].ValueKind == JsonValueKind.Number
        && frame[1].ValueKind == JsonValueKind.String;

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None);
                    }

                    _closed.TrySetResult(result.CloseStatus);
                    return;
                }

                var frame = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                TaskCompletionSource added;
                lock (_gate)
                {
                    _frames.Add(frame);
                    added = _added;
                    _added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                added.TrySetResult();
                if (AutoAnswer && IsRpcArray(frame) && frame[0].GetInt32() == 2 && frame.GetArrayLength() == 4)
                {
                    await AnswerAsync(frame[1].GetString()!, frame[2].GetString()!, frame[3]);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            _closed.TrySetResult(null);
        }
    }

    private async Task AnswerAsync(string messageId, string action, JsonElement request)
    {
        object? payload = action switch
        {
            "GetConfiguration" => new { configurationKey = Array.Empty<object>() },
            "GetVariables" => new
            {
                getVariableResult = request.GetProperty("getVariableData").EnumerateArray().Select(item => new
                {
                    attributeStatus = "UnknownComponent",
                    component = new { name = item.GetProperty("component").GetProperty("name").GetString() },
                    variable = new { name = item.GetProperty("variable").GetProperty("name").GetString() },
                }).ToArray(),
            },
            "TriggerMessage" or "ReserveNow" or "CancelReservation" => new { status = "Accepted" },
            _ => null,
        };
        if (payload is not null)
        {
            await SendTextAsync(JsonSerializer.Serialize(new object[] { 3, messageId, payload }));
        }
    }
}
