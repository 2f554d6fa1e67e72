namespace ChargingHub.Mqtt.Client;

/// <summary>
/// The bounded queue between <see cref="MqttClient.Publish(string, ReadOnlyMemory{byte}, MqttQos, bool)"/>
/// and the connection's writer. A <c>Channel</c> can only drop the oldest item whatever it is;
/// here, when full, the oldest non-retained message goes first, because retained messages carry
/// state that Home Assistant shows until the next change.
/// </summary>
internal sealed class OutboundQueue(int capacity)
{
    private readonly object _gate = new();
    private readonly LinkedList<OutgoingMessage> _messages = new();

    // Exactly the non-retained nodes of _messages, oldest first: dropping one is O(1).
    private readonly Queue<LinkedListNode<OutgoingMessage>> _droppable = new();
    private TaskCompletionSource? _available;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    /// <summary>Adds the message; returns the one dropped to make room, if any.</summary>
    public OutgoingMessage? Enqueue(OutgoingMessage message)
    {
        OutgoingMessage? dropped = null;
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            if (_messages.Count >= capacity)
            {
                dropped = DropOldest();
            }

            var node = _messages.AddLast(message);
            if (!message.Retain)
            {
                _droppable.Enqueue(node);
            }

            waiter = _available;
            _available = null;
        }

        waiter?.TrySetResult();
        return dropped;
    }

    public bool TryDequeue(out OutgoingMessage message)
    {
        lock (_gate)
        {
            var first = _messages.First;
            if (first is null)
            {
                message = null!;
                return false;
            }

            _messages.RemoveFirst();
            if (!first.Value.Retain)
            {
                // The first message overall is also the oldest non-retained one.
                _droppable.Dequeue();
            }

            message = first.Value;
            return true;
        }
    }

    /// <summary>Completes when a message is waiting (at once if one already is).</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_messages.Count > 0)
            {
                return Task.CompletedTask;
            }

            _available ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _available.Task.WaitAsync(cancellationToken);
        }
    }

    private OutgoingMessage DropOldest()
    {
        if (_droppable.TryDequeue(out var node))
        {
            _messages.Remove(node);
            return node.Value;
        }

        // Only retained messages are queued. The store still holds the latest value per topic,
        // so the next reconnect restores whatever is lost here.
        var first = _messages.First!;
        _messages.RemoveFirst();
        return first.Value;
    }
}
