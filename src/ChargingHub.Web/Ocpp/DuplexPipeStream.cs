using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace ChargingHub.Web.Ocpp;

/// <summary>
/// A Kestrel connection's pipes as the stream a <see cref="System.Net.WebSockets.WebSocket"/> runs over. A zero-byte
/// read waits for data without taking any, so an idle charger holds no receive buffer. The pipes stay Kestrel's,
/// but disposing the stream wakes a pending read: a WebSocket aborts (a keep-alive timeout, a protocol error) by
/// disposing its stream, and a read left waiting for a silent peer would hold the session open forever.
/// </summary>
internal sealed class DuplexPipeStream(IDuplexPipe pipe) : Stream
{
    private volatile bool _disposed;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    // Pooled: a charger's every message waits here once, and a new state machine box each time would be garbage.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var result = await pipe.Input.ReadAsync(cancellationToken);
        var buffer = result.Buffer;
        if (destination.IsEmpty || buffer.IsEmpty)
        {
            pipe.Input.AdvanceTo(buffer.Start);
            if (!buffer.IsEmpty || result.IsCompleted)
            {
                return 0;
            }

            // Only a cancelled read comes back empty and not completed: the stream was disposed meanwhile.
            throw new ObjectDisposedException(nameof(DuplexPipeStream), "The stream was disposed during the read.");
        }

        var count = (int)Math.Min(buffer.Length, destination.Length);
        buffer.Slice(0, count).CopyTo(destination.Span);
        pipe.Input.AdvanceTo(buffer.GetPosition(count));
        return count;
    }

    // As Kestrel's own response stream does, a write to a connection whose client is gone is dropped: the receive
    // side sees the disconnect and ends the session.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
        await pipe.Output.WriteAsync(source, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask; // every write is flushed

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Asynchronous only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Asynchronous only.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            pipe.Input.CancelPendingRead();
            pipe.Output.CancelPendingFlush();
        }

        base.Dispose(disposing);
    }
}
