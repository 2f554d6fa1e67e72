using System.Net.WebSockets;
using System.Text;

namespace ChargingHub.Web.Tests.Ocpp;

/// <summary>A WebSocket that passes everything through and keeps a copy of every complete text message in each direction.</summary>
public sealed class RecordingWebSocket(WebSocket inner) : WebSocket
{
    private readonly Lock _gate = new();
    private readonly List<string> _received = [];
    private readonly List<string> _sent = [];
    private readonly MemoryStream _receiving = new();
    private readonly MemoryStream _sending = new();

    /// <summary>Text messages that arrived from the other side (for a charger's socket: what the hub sent).</summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Text messages this side sent.</summary>
    public IReadOnlyList<string> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public override WebSocketCloseStatus? CloseStatus => inner.CloseStatus;

    public override string? CloseStatusDescription => inner.CloseStatusDescription;

    public override WebSocketState State => inner.State;

    public override string? SubProtocol => inner.SubProtocol;

    public override void Abort() => inner.Abort();

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override void Dispose()
    {
        inner.Dispose();
        _receiving.Dispose();
        _sending.Dispose();
    }

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken);
        Record(_receiving, _received, buffer.AsSpan(0, result.Count), result.MessageType, result.EndOfMessage);
        return result;
    }

    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await inner.ReceiveAsync(buffer, cancellationToken);
        Record(_receiving, _received, buffer.Span[..result.Count], result.MessageType, result.EndOfMessage);
        return result;
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        Record(_sending, _sent, buffer.AsSpan(), messageType, endOfMessage);
        return inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);
    }

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
    {
        Record(_sending, _sent, buffer.Span, messageType, endOfMessage);
        return inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);
    }

    private void Record(MemoryStream pending, List<string> messages, ReadOnlySpan<byte> bytes, WebSocketMessageType type, bool endOfMessage)
    {
        if (type != WebSocketMessageType.Text)
        {
            return;
        }

        lock (_gate)
        {
            pending.Write(bytes);
            if (endOfMessage)
            {
                messages.Add(Encoding.UTF8.GetString(pending.GetBuffer(), 0, (int)pending.Length));
                pending.SetLength(0);
            }
        }
    }
}
