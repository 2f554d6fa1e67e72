namespace ChargingHub.Mqtt.Client;

/// <summary>
/// Exponential backoff with jitter: the ceiling doubles per failure from min to max, and each
/// delay is drawn from the upper half below the ceiling so that many hubs restarted by the same
/// broker outage do not reconnect in lockstep. Every delay lies within [min, max].
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan min, TimeSpan max, Func<double> nextRandom)
{
    private int _failures;

    public ReconnectBackoff(TimeSpan min, TimeSpan max)
        : this(min, max, Random.Shared.NextDouble)
    {
    }

    public TimeSpan Next()
    {
        // Capped exponent: 2^30 times any sensible minimum is already beyond any maximum.
        var ceilingTicks = Math.Min(max.Ticks, min.Ticks * Math.Pow(2, Math.Min(_failures, 30)));
        _failures++;
        var ticks = ceilingTicks * (0.5 + (nextRandom() / 2));
        return TimeSpan.FromTicks((long)Math.Clamp(ticks, min.Ticks, max.Ticks));
    }

    public void Reset() => _failures = 0;
}
