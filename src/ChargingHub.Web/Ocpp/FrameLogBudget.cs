namespace ChargingHub.Web.Ocpp;

/// <summary>
/// How many frames of one connection go into the troubleshooting log: a token bucket that lets a burst through
/// (a charger booting, reporting every connector, answering the hub's setup calls) and then a steady trickle.
/// Storing a frame costs several times more than answering it, so a charger that floods the hub has its log
/// sampled rather than the hub's answers slowed down; a real charger never comes near the limit.
/// </summary>
public sealed class FrameLogBudget(TimeProvider time)
{
    /// <summary>Frames a connection may log at once: as many as the log keeps per charger.</summary>
    public const int Burst = 200;

    /// <summary>Frames per second a connection may log on average once its burst is spent.</summary>
    public const int FramesPerSecond = 10;

    private readonly Lock _gate = new();
    private double _tokens = Burst;
    private long _refilledAt = time.GetTimestamp();
    private long _skipped;

    /// <summary>Frames not logged so far.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Whether the next frame may be logged; counts it as skipped when not.</summary>
    public bool TryTake()
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            _tokens = Math.Min(Burst, _tokens + (time.GetElapsedTime(_refilledAt, now).TotalSeconds * FramesPerSecond));
            _refilledAt = now;
            if (_tokens >= 1)
            {
                _tokens--;
                return true;
            }
        }

        Interlocked.Increment(ref _skipped);
        return false;
    }
}
