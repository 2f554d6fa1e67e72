using System.Net;
using System.Threading.RateLimiting;

namespace ChargingHub.Web.Ui;

/// <summary>
/// Counts failed sign-ins per user name and client address with the framework's rate limiter (a sliding window):
/// after <see cref="MaxFailures"/> failures within <see cref="Window"/> that pair is locked out until old failures
/// slide out of the window. Only failures take a permit, so a household signing in often is never slowed down,
/// and a guesser at one address cannot lock the real member out from their own phone.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = MaxFailures,
            Window = Window,
            SegmentsPerWindow = 5,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public bool IsLockedOut(string userName, IPAddress? client) =>
        _failures.GetStatistics(Key(userName, client)) is { CurrentAvailablePermits: <= 0 };

    /// <summary>Records a failed attempt; true when the pair is now locked out.</summary>
    public bool RecordFailure(string userName, IPAddress? client)
    {
        var key = Key(userName, client);
        using var lease = _failures.AttemptAcquire(key);
        return !lease.IsAcquired || _failures.GetStatistics(key) is { CurrentAvailablePermits: <= 0 };
    }

    public void Dispose() => _failures.Dispose();

    private static string Key(string userName, IPAddress? client) =>
        $"{userName.Trim().ToLowerInvariant()}|{client?.ToString() ?? "unknown"}";
}
