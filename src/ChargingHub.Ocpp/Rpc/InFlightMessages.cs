namespace ChargingHub.Ocpp;

/// <summary>
/// The message ids in flight on one connection, each with a value. There are hardly ever more than one or two, and a
/// connection lives for days among thousands: a short list under a lock holds a fraction of what a
/// <see cref="System.Collections.Concurrent.ConcurrentDictionary{TKey, TValue}"/> holds even when empty.
/// </summary>
internal sealed class InFlightMessages<TValue>
{
    private readonly List<KeyValuePair<string, TValue>> _entries = new(1);

    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Adds the id; false when it is already in flight.</summary>
    public bool TryAdd(string messageId, TValue value)
    {
        lock (_entries)
        {
            if (IndexOf(messageId) >= 0)
            {
                return false;
            }

            _entries.Add(new(messageId, value));
            return true;
        }
    }

    public bool TryRemove(string messageId, out TValue value)
    {
        lock (_entries)
        {
            var index = IndexOf(messageId);
            if (index < 0)
            {
                value = default!;
                return false;
            }

            value = _entries[index].Value;
            _entries.RemoveAt(index);
            return true;
        }
    }

    /// <summary>Removes and returns every entry.</summary>
    public KeyValuePair<string, TValue>[] RemoveAll()
    {
        lock (_entries)
        {
            var all = _entries.ToArray();
            _entries.Clear();
            return all;
        }
    }

    private int IndexOf(string messageId)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, messageId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
