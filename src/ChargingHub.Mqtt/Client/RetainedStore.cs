namespace ChargingHub.Mqtt.Client;

/// <summary>
/// The last retained message per topic, re-published after every reconnect: a broker restarted
/// without persistence has forgotten them, and the hub publishes state only when it changes.
/// </summary>
internal sealed class RetainedStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, OutgoingMessage> _byTopic = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byTopic.Count;
            }
        }
    }

    public void Remember(OutgoingMessage message)
    {
        lock (_gate)
        {
            // An empty retained payload is how MQTT deletes a retained message.
            if (message.Payload.Length == 0)
            {
                _byTopic.Remove(message.Topic);
            }
            else
            {
                _byTopic[message.Topic] = message;
            }
        }
    }

    /// <summary>The remembered messages in the order they were published.</summary>
    public IReadOnlyList<OutgoingMessage> Snapshot()
    {
        lock (_gate)
        {
            return [.. _byTopic.Values.OrderBy(m => m.RetainedVersion)];
        }
    }
}
