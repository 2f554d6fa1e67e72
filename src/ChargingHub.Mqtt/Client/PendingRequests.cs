using ChargingHub.Mqtt.Protocol;

namespace ChargingHub.Mqtt.Client;

/// <summary>
/// SUBSCRIBE / UNSUBSCRIBE requests of one connection waiting for their acknowledgement, by
/// packet identifier. All are failed when the connection ends, so no caller waits for an answer
/// that can no longer come.
/// </summary>
internal sealed class PendingRequests
{
    private readonly object _gate = new();
    private readonly Dictionary<ushort, Pending> _byId = [];
    private Exception? _closedBecause;

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

    public Task<MqttPacket> Register(ushort packetId, MqttPacketType expectedReply)
    {
        lock (_gate)
        {
            if (_closedBecause is not null)
            {
                return Task.FromException<MqttPacket>(_closedBecause);
            }

            var completion = new TaskCompletionSource<MqttPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
            _byId.Add(packetId, new Pending(completion, expectedReply));
            return completion.Task;
        }
    }

    /// <summary>Hands an acknowledgement to its waiter; false when nobody waits for that id (any more).</summary>
    public bool TryComplete(ushort packetId, MqttPacket reply)
    {
        Pending? pending;
        lock (_gate)
        {
            if (!_byId.Remove(packetId, out pending))
            {
                return false;
            }
        }

        if (reply.Type != pending.ExpectedReply)
        {
            var error = new MqttProtocolException(
                MqttProtocolError.UnexpectedPacket,
                $"The broker answered packet {packetId} with {reply.Type} instead of {pending.ExpectedReply}.");
            pending.Completion.TrySetException(error);
            throw error;
        }

        pending.Completion.TrySetResult(reply);
        return true;
    }

    public void Remove(ushort packetId)
    {
        lock (_gate)
        {
            _byId.Remove(packetId);
        }
    }

    public void FailAll(Exception reason)
    {
        List<Pending> pending;
        lock (_gate)
        {
            _closedBecause ??= reason;
            pending = [.. _byId.Values];
            _byId.Clear();
        }

        foreach (var entry in pending)
        {
            entry.Completion.TrySetException(reason);
        }
    }

    private sealed record Pending(TaskCompletionSource<MqttPacket> Completion, MqttPacketType ExpectedReply);
}
