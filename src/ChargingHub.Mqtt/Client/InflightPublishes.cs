namespace ChargingHub.Mqtt.Client;

/// <summary>
/// QoS 1 messages sent but not yet acknowledged with PUBACK. They outlive the connection they
/// were sent on and are re-sent with DUP after a reconnect: the at-least-once promise is made to
/// the caller of Publish, not to one TCP connection. The window is bounded so a broker that
/// stops acknowledging cannot make the client hold unbounded state.
/// </summary>
internal sealed class InflightPublishes(PacketIdPool packetIds, int capacity)
{
    private readonly object _gate = new();
    private readonly Dictionary<ushort, Entry> _byId = [];
    private long _sequence;
    private TaskCompletionSource? _room;
    private TaskCompletionSource? _empty;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byId.Count;
            }
        }
    }

    /// <summary>Completes when another message may be added (at once if there is room).</summary>
    public Task WaitForRoomAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_byId.Count < capacity)
            {
                return Task.CompletedTask;
            }

            _room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _room.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Completes when every message has been acknowledged.</summary>
    public Task WaitUntilEmptyAsync()
    {
        lock (_gate)
        {
            if (_byId.Count == 0)
            {
                return Task.CompletedTask;
            }

            _empty ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _empty.Task;
        }
    }

    /// <summary>Tracks the message under a fresh packet identifier, which it returns.</summary>
    public ushort Add(OutgoingMessage message)
    {
        var id = packetIds.Rent();
        lock (_gate)
        {
            _byId.Add(id, new Entry(message, ++_sequence));
        }

        return id;
    }

    /// <summary>Forgets the message a PUBACK acknowledges; false if no message has that id.</summary>
    public bool Acknowledge(ushort packetId)
    {
        TaskCompletionSource? room = null;
        TaskCompletionSource? empty = null;
        lock (_gate)
        {
            if (!_byId.Remove(packetId))
            {
                return false;
            }

            if (_byId.Count < capacity)
            {
                (room, _room) = (_room, null);
            }

            if (_byId.Count == 0)
            {
                (empty, _empty) = (_empty, null);
            }
        }

        packetIds.Return(packetId);
        room?.TrySetResult();
        empty?.TrySetResult();
        return true;
    }

    /// <summary>The unacknowledged messages in the order they were first sent.</summary>
    public IReadOnlyList<(ushort PacketId, OutgoingMessage Message)> Snapshot()
    {
        lock (_gate)
        {
            return [.. _byId.OrderBy(e => e.Value.Sequence).Select(e => (e.Key, e.Value.Message))];
        }
    }

    private sealed record Entry(OutgoingMessage Message, long Sequence);
}
