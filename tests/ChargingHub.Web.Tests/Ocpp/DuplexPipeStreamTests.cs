using System.IO.Pipelines;
using System.Net.WebSockets;
using ChargingHub.Web.Ocpp;

namespace ChargingHub.Web.Tests.Ocpp;

public sealed class DuplexPipeStreamTests
{
    [Fact]
    public async Task Disposing_the_stream_ends_a_read_waiting_for_a_silent_peer()
    {
        var (stream, _) = Connected();
        var read = stream.ReadAsync(new byte[16]).AsTask();
        Assert.False(read.IsCompleted);

        await stream.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => read.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task An_aborted_websocket_stops_receiving_although_the_peer_says_nothing()
    {
        var (stream, _) = Connected();
        var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true });
        var receive = socket.ReceiveAsync(new byte[16], CancellationToken.None);

        socket.Abort();

        await Assert.ThrowsAnyAsync<Exception>(() => receive.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Zero_byte_read_waits_for_data_without_taking_it()
    {
        var (stream, peer) = Connected();
        var peek = stream.ReadAsync(Memory<byte>.Empty).AsTask();
        Assert.False(peek.IsCompleted);

        await peer.WriteAsync("abc"u8.ToArray());
        Assert.Equal(0, await peek.WaitAsync(TimeSpan.FromSeconds(5)));
        var buffer = new byte[16];
        var count = await stream.ReadAsync(buffer);

        Assert.Equal("abc"u8.ToArray(), buffer[..count]);
    }

    private static (DuplexPipeStream Stream, PipeWriter Peer) Connected()
    {
        var incoming = new Pipe();
        var outgoing = new Pipe();
        return (new DuplexPipeStream(new PipePair(incoming.Reader, outgoing.Writer)), incoming.Writer);
    }

    private sealed record PipePair(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
