namespace ChargingHub.Mqtt.Client;

/// <summary>
/// Counts dropped messages and says when to log about them: on the first drop, then at most once
/// per interval, because a broker outage can drop thousands of messages a minute.
/// </summary>
internal sealed class DropCounter(TimeProvider timeProvider, TimeSpan interval)
{
    private readonly object _gate = new();
    private long _total;
    private long _unreported;
    private long? _lastReportTimestamp;

    public long Total => Interlocked.Read(ref _total);

    /// <summary>Counts one drop; true with the number dropped since the last report when it is time to log.</summary>
    public bool Record(out long droppedSinceLastReport)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _total);
            _unreported++;
            if (_lastReportTimestamp is { } last && timeProvider.GetElapsedTime(last) < interval)
            {
                droppedSinceLastReport = 0;
                return false;
            }

            _lastReportTimestamp = timeProvider.GetTimestamp();
            droppedSinceLastReport = _unreported;
            _unreported = 0;
            return true;
        }
    }
}
