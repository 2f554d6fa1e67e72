namespace ChargingHub.Mqtt.Client;

/// <summary>Hands out packet identifiers 1..65535 that are not in use (MQTT-2.3.1-2).</summary>
internal sealed class PacketIdPool
{
    private readonly object _gate = new();
    private readonly HashSet<ushort> _inUse = [];
    private ushort _last;

    public ushort Rent()
    {
        lock (_gate)
        {
            if (_inUse.Count >= ushort.MaxValue)
            {
                throw new InvalidOperationException("All 65535 packet identifiers are in use.");
            }

            do
            {
                _last = _last == ushort.MaxValue ? (ushort)1 : (ushort)(_last + 1);
            }
            while (!_inUse.Add(_last));

            return _last;
        }
    }

    public void Return(ushort id)
    {
        lock (_gate)
        {
            _inUse.Remove(id);
        }
    }
}
