using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace ChargingHub.Ocpp.Tests.Support;

/// <summary>
/// The far end of a connection under test, speaking raw frames so a test can send anything
/// (including garbage) and see exactly what comes back.
/// </summary>
internal sealed class RawPeer(WebSocket socket)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private Task<PeerMessage>? _pendingReceive;

    public WebSocket Socket { get; } = socket;

    public Task SendAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SendBinaryAsync(byte[] bytes) =>
        Socket.SendAsync(bytes, WebSocketMessageType.Binary, true, CancellationToken.None);

    /// <summary>The next message; fails the test if none arrives in time.</summary>
    public async Task<PeerMessage> ReceiveAsync()
    {
        var receive = _pendingReceive ??= ReceiveOneAsync();
        var finished = await Task.WhenAny(receive, Task.Delay(Patience));
        Assert.True(finished == receive, "The peer received nothing in time.");
        _pendingReceive = null;
        return await receive;
    }

    /// <summary>The next text frame, parsed.</summary>
    public async Task<JsonElement> ReceiveFrameAsync()
    {
        var message = await ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Text, message.Type);
        using var document = JsonDocument.Parse(message.Text);
        return document.RootElement.Clone();
    }

    /// <summary>Whether a message arrives within <paramref name="window"/>; a late one is kept for the next receive.</summary>
    public async Task<bool> ReceivesWithinAsync(TimeSpan window)
    {
        var receive = _pendingReceive ??= ReceiveOneAsync();
        return await Task.WhenAny(receive, Task.Delay(window)) == receive;
    }

    private async Task<PeerMessage> ReceiveOneAsync()
    {
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new PeerMessage(WebSocketMessageType.Close, string.Empty, result.CloseStatus);
            }

            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return new PeerMessage(result.MessageType, Encoding.UTF8.GetString(text.ToArray()), null);
            }
        }
    }
}

internal sealed record PeerMessage(WebSocketMessageType Type, string Text, WebSocketCloseStatus? CloseStatus);
