using System.Net.WebSockets;
using System.Text;
using ChargingHub.Ocpp;

namespace ChargingHub.Benchmarks;

/// <summary>
/// A CALL frame serialized once, with room for an 8-digit message id that is stamped in place before each send,
/// so the load generator spends nothing on JSON. Each charger owns its frames.
/// </summary>
internal sealed class CallFrame
{
    private const int IdOffset = 4; // [2,"

    private CallFrame(byte[] bytes) => Bytes = bytes;

    public byte[] Bytes { get; }

    public static CallFrame Create(string action, string payloadJson) =>
        new(Encoding.UTF8.GetBytes($"[2,\"00000000\",\"{action}\",{payloadJson}]"));

    public void StampId(long id)
    {
        var span = Bytes.AsSpan(IdOffset, 8);
        for (var i = 7; i >= 0; i--)
        {
            span[i] = (byte)('0' + (id % 10));
            id /= 10;
        }
    }
}

/// <summary>The pre-serialized frames a benchmark charger sends, per protocol version.</summary>
internal static class Frames
{
    public static CallFrame Heartbeat() => CallFrame.Create("Heartbeat", "{}");

    public static CallFrame Boot(OcppVersion version) => version == OcppVersion.V16
        ? CallFrame.Create("BootNotification", """{"chargePointVendor":"ChargingHub","chargePointModel":"Bench","firmwareVersion":"bench-1"}""")
        : CallFrame.Create("BootNotification", """{"reason":"PowerUp","chargingStation":{"vendorName":"ChargingHub","model":"Bench","firmwareVersion":"bench-1"}}""");

    /// <summary>A 1.6 StatusNotification for one connector.</summary>
    public static CallFrame Status16(int connectorId, string status) =>
        CallFrame.Create("StatusNotification", $$"""{"connectorId":{{connectorId}},"errorCode":"NoError","status":"{{status}}"}""");

    public static CallFrame StatusAvailable(OcppVersion version) => version == OcppVersion.V16
        ? CallFrame.Create("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}""")
        : CallFrame.Create("StatusNotification", """{"timestamp":"2026-01-01T00:00:00.000Z","connectorStatus":"Available","evseId":1,"connectorId":1}""");
}

/// <summary>
/// A minimal charger over a raw <see cref="ClientWebSocket"/>: one outstanding CALL at a time, answers matched by
/// a byte scan, and the hub's own calls after boot (configuration, reservation support, TriggerMessage) answered
/// from canned payloads. A receive is always pending, so WebSocket pings are answered while the charger idles.
/// </summary>
internal sealed class RawCharger : IAsyncDisposable
{
    private static readonly byte[] GetConfigurationAnswer = Encoding.UTF8.GetBytes(
        """{"configurationKey":[{"key":"SupportedFeatureProfiles","readonly":true,"value":"Core,RemoteTrigger,Reservation"},{"key":"ReserveConnectorZeroSupported","readonly":true,"value":"false"}]}""");

    private static readonly byte[] GetVariablesAnswer = Encoding.UTF8.GetBytes(
        """{"getVariableResult":[{"attributeStatus":"Accepted","attributeValue":"true","component":{"name":"ReservationCtrlr"},"variable":{"name":"Enabled"}},{"attributeStatus":"Accepted","attributeValue":"false","component":{"name":"ReservationCtrlr"},"variable":{"name":"NonEvseSpecific"}}]}""");

    private static readonly byte[] StatusAccepted = Encoding.UTF8.GetBytes("""{"status":"Accepted"}""");

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly byte[] _receiveBuffer;
    private TaskCompletionSource<bool>? _pending;
    private long _pendingId = -1;
    private long _nextId;
    private Task _receiving = Task.CompletedTask;

    public RawCharger(string id, OcppVersion version, int receiveBufferSize = 4096)
    {
        Id = id;
        Version = version;
        _receiveBuffer = new byte[receiveBufferSize];
        _socket.Options.AddSubProtocol(version.Subprotocol());

        // The hub pings idle chargers; the charger itself does not need to.
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
    }

    public string Id { get; }

    public OcppVersion Version { get; }

    /// <summary>CALLERRORs received, and answers that matched no call.</summary>
    public int Errors { get; private set; }

    /// <summary>Calls the hub made to this charger and got an answer to.</summary>
    public int HubCallsAnswered { get; private set; }

    /// <summary>Completes when the connection has closed.</summary>
    public Task Completion => _receiving;

    public bool IsOpen => _socket.State == WebSocketState.Open && !_receiving.IsCompleted;

    public async Task ConnectAsync(Uri ocppBase, CancellationToken ct)
    {
        await _socket.ConnectAsync(new Uri(ocppBase, Uri.EscapeDataString(Id)), ct);
        _receiving = ReceiveLoopAsync();
    }

    /// <summary>
    /// Sends the frame under a new id and waits for the answer: true for a CALLRESULT, false for a CALLERROR.
    /// Without <paramref name="timeout"/> the wait has no timer of its own (the throughput loops stop on their
    /// own clock, and a per-call timer would add load-generator work to every message).
    /// </summary>
    public async Task<bool> CallAsync(CallFrame frame, TimeSpan? timeout = null)
    {
        var id = ++_nextId % 100_000_000;
        frame.StampId(id);
        var answer = new TaskCompletionSource<bool>();
        Volatile.Write(ref _pendingId, id);
        Volatile.Write(ref _pending, answer);
        await SendAsync(frame.Bytes);
        return timeout is { } limit ? await answer.Task.WaitAsync(limit) : await answer.Task;
    }

    public async Task CloseAsync()
    {
        if (_socket.State != WebSocketState.Open)
        {
            return;
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", deadline.Token);
            await _receiving.WaitAsync(deadline.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _socket.Abort();
        try
        {
            await _receiving;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed.
        }

        _socket.Dispose();
        _sendLock.Dispose();
    }

    private async Task SendAsync(ReadOnlyMemory<byte> frame)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(_receiveBuffer.AsMemory(count), CancellationToken.None);
                    count += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close && count < _receiveBuffer.Length);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                if (!result.EndOfMessage)
                {
                    throw new InvalidOperationException($"{Id}: a message larger than {_receiveBuffer.Length} bytes arrived.");
                }

                if (OnMessage(count) is { } answer)
                {
                    await SendAsync(answer);
                    HubCallsAnswered++;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended; a pending call fails below.
        }
        finally
        {
            Interlocked.Exchange(ref _pending, null)?.TrySetException(new WebSocketException("The connection closed before the answer came."));
        }
    }

    /// <summary>Handles one message; returns the answer to send when it was a CALL from the hub.</summary>
    private byte[]? OnMessage(int count)
    {
        // [T,"id",... : the type digit is at 1, the id starts at 4.
        var frame = _receiveBuffer.AsSpan(0, count);
        var idEnd = count > 4 ? frame[4..].IndexOf((byte)'"') : -1;
        if (count < 6 || frame[0] != '[' || idEnd < 0)
        {
            Errors++;
            return null;
        }

        var id = frame.Slice(4, idEnd);
        switch (frame[1])
        {
            case (byte)'3':
            case (byte)'4':
                if (!TryParseId(id, out var answered) || answered != Volatile.Read(ref _pendingId))
                {
                    Errors++;
                    return null;
                }

                var isResult = frame[1] == '3';
                if (!isResult)
                {
                    Errors++;
                }

                Interlocked.Exchange(ref _pending, null)?.TrySetResult(isResult);
                return null;
            case (byte)'2':
                return AnswerToHubCall(frame, 4 + idEnd);
            default:
                Errors++;
                return null;
        }
    }

    /// <summary>Answers a CALL from the hub: <c>[2,"id","Action",{…}]</c>.</summary>
    private static byte[] AnswerToHubCall(ReadOnlySpan<byte> frame, int idEnd)
    {
        var id = Encoding.UTF8.GetString(frame[4..idEnd]);
        var rest = frame[(idEnd + 3)..]; // past ","
        var action = Encoding.UTF8.GetString(rest[..rest.IndexOf((byte)'"')]);
        byte[]? payload = action switch
        {
            "GetConfiguration" => GetConfigurationAnswer,
            "GetVariables" => GetVariablesAnswer,
            "TriggerMessage" or "ChangeAvailability" or "Reset" => StatusAccepted,
            _ => null,
        };
        return payload is null
            ? Encoding.UTF8.GetBytes($"[4,\"{id}\",\"NotImplemented\",\"\",{{}}]")
            : [.. Encoding.UTF8.GetBytes($"[3,\"{id}\","), .. payload, (byte)']'];
    }

    private static bool TryParseId(ReadOnlySpan<byte> text, out long id)
    {
        id = 0;
        if (text.Length is 0 or > 18)
        {
            return false;
        }

        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            id = (id * 10) + (b - '0');
        }

        return true;
    }
}
