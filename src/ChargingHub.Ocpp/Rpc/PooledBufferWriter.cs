using System.Buffers;

namespace ChargingHub.Ocpp;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays rented from <see cref="ArrayPool{T}.Shared"/>. The array is
/// rented on the first write, and <see cref="Release"/> hands it back between uses, so a writer kept for a
/// long time (one per connection) holds no memory while it is idle.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int DefaultCapacity = 4096;

    // A connection that once sent a large frame should not pin a large array for its lifetime.
    private const int RetainLimit = 64 * 1024;

    private readonly int _initialCapacity;
    private byte[] _buffer = [];
    private int _written;
    private bool _disposed;

    public PooledBufferWriter(int initialCapacity = DefaultCapacity) =>
        _initialCapacity = Math.Max(initialCapacity, 256);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public int WrittenCount => _written;

    /// <summary>Returns the array to the pool; what was written is gone, and the next write rents again.</summary>
    public void Release()
    {
        var buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _written = 0;
        if (_buffer.Length > RetainLimit)
        {
            var large = _buffer;
            _buffer = ArrayPool<byte>.Shared.Rent(DefaultCapacity);
            ArrayPool<byte>.Shared.Return(large);
        }
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureCapacity(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureCapacity(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Dispose()
    {
        _disposed = true;
        Release();
    }

    private void EnsureCapacity(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        if (_buffer.Length == 0)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(_initialCapacity, needed));
            return;
        }

        var newSize = Math.Max(checked(_written + needed), checked(_buffer.Length * 2));
        var larger = ArrayPool<byte>.Shared.Rent(newSize);
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
