using System.Collections.Concurrent;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;

namespace ChargingHub.Domain.Tests.Fakes;

public sealed record ReserveNowCall(string ChargerId, int ReservationId, ReservationTerms Terms);

public sealed record CancelReservationCall(string ChargerId, int ReservationId);

/// <summary>What the scripted charger does with one call: answer with a status, or fail the way a real gateway fails.</summary>
public sealed record GatewayOutcome<TStatus>(TStatus? Status, Func<Exception>? Failure)
    where TStatus : struct, Enum
{
    public static GatewayOutcome<TStatus> Answer(TStatus status) => new(status, null);

    public static GatewayOutcome<TStatus> Timeout { get; } =
        new(null, static () => new HubException(HubErrorKind.ChargerTimeout, "The charger did not answer in time."));

    public static GatewayOutcome<TStatus> Offline { get; } =
        new(null, static () => new HubException(HubErrorKind.ChargerOffline, "The charger is not connected."));

    public static GatewayOutcome<TStatus> Throws(Exception ex) => new(null, () => ex);

    public TStatus Resolve() => Failure is null ? Status!.Value : throw Failure();
}

/// <summary>
/// An <see cref="IChargerGateway"/> whose answers a test scripts call by call. Calls are recorded with their
/// arguments. With <see cref="HoldReserveAnswers"/> each ReserveNow waits until the test releases it, which
/// lets a test start a second request while the first one is "on the wire".
/// </summary>
public sealed class ScriptedChargerGateway : IChargerGateway
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private readonly HashSet<string> _connected = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<GatewayOutcome<ChargerReserveStatus>> _reserveScript = new();
    private readonly ConcurrentQueue<GatewayOutcome<ChargerCancelStatus>> _cancelScript = new();
    private readonly List<ReserveNowCall> _reserveCalls = [];
    private readonly List<CancelReservationCall> _cancelCalls = [];
    private readonly List<TaskCompletionSource> _held = [];
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>The answer when nothing is scripted.</summary>
    public GatewayOutcome<ChargerReserveStatus> DefaultReserve { get; set; } = GatewayOutcome<ChargerReserveStatus>.Answer(ChargerReserveStatus.Accepted);

    public GatewayOutcome<ChargerCancelStatus> DefaultCancel { get; set; } = GatewayOutcome<ChargerCancelStatus>.Answer(ChargerCancelStatus.Accepted);

    /// <summary>When true, every ReserveNow waits for <see cref="ReleaseReserve"/> before it answers.</summary>
    public bool HoldReserveAnswers { get; set; }

    public IReadOnlyList<ReserveNowCall> ReserveCalls
    {
        get
        {
            lock (_gate)
            {
                return [.. _reserveCalls];
            }
        }
    }

    public IReadOnlyList<CancelReservationCall> CancelCalls
    {
        get
        {
            lock (_gate)
            {
                return [.. _cancelCalls];
            }
        }
    }

    public void Connect(string chargerId)
    {
        lock (_gate)
        {
            _connected.Add(chargerId);
        }
    }

    public void Disconnect(string chargerId)
    {
        lock (_gate)
        {
            _connected.Remove(chargerId);
        }
    }

    public void ScriptReserve(params GatewayOutcome<ChargerReserveStatus>[] outcomes)
    {
        foreach (var outcome in outcomes)
        {
            _reserveScript.Enqueue(outcome);
        }
    }

    public void ScriptReserve(params ChargerReserveStatus[] answers) =>
        ScriptReserve([.. answers.Select(GatewayOutcome<ChargerReserveStatus>.Answer)]);

    public void ScriptCancel(params GatewayOutcome<ChargerCancelStatus>[] outcomes)
    {
        foreach (var outcome in outcomes)
        {
            _cancelScript.Enqueue(outcome);
        }
    }

    public void ScriptCancel(params ChargerCancelStatus[] answers) =>
        ScriptCancel([.. answers.Select(GatewayOutcome<ChargerCancelStatus>.Answer)]);

    public bool IsConnected(string chargerId)
    {
        lock (_gate)
        {
            return _connected.Contains(chargerId);
        }
    }

    public async Task<ChargerReserveStatus> ReserveNowAsync(string chargerId, int reservationId, ReservationTerms terms, CancellationToken ct)
    {
        var outcome = _reserveScript.TryDequeue(out var scripted) ? scripted : DefaultReserve;
        TaskCompletionSource? hold = null;
        lock (_gate)
        {
            _reserveCalls.Add(new ReserveNowCall(chargerId, reservationId, terms));
            if (HoldReserveAnswers)
            {
                hold = NewSignal();
                _held.Add(hold);
            }
        }

        SignalChange();
        if (hold is not null)
        {
            await hold.Task.WaitAsync(WaitLimit, ct).ConfigureAwait(false);
        }

        return outcome.Resolve();
    }

    public Task<ChargerCancelStatus> CancelReservationAsync(string chargerId, int reservationId, CancellationToken ct)
    {
        var outcome = _cancelScript.TryDequeue(out var scripted) ? scripted : DefaultCancel;
        lock (_gate)
        {
            _cancelCalls.Add(new CancelReservationCall(chargerId, reservationId));
        }

        SignalChange();
        return Task.FromResult(outcome.Resolve());
    }

    /// <summary>Lets the held ReserveNow number <paramref name="callIndex"/> (0-based, in arrival order) answer.</summary>
    public void ReleaseReserve(int callIndex)
    {
        lock (_gate)
        {
            _held[callIndex].TrySetResult();
        }
    }

    public void ReleaseAllReserves()
    {
        lock (_gate)
        {
            HoldReserveAnswers = false;
            foreach (var hold in _held)
            {
                hold.TrySetResult();
            }
        }
    }

    public Task WaitForReserveCallsAsync(int count) => WaitUntilAsync(() => ReserveCalls.Count >= count, $"{count} ReserveNow call(s)");

    public Task WaitForCancelCallsAsync(int count) => WaitUntilAsync(() => CancelCalls.Count >= count, $"{count} CancelReservation call(s)");

    private async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = Environment.TickCount64 + (long)WaitLimit.TotalMilliseconds;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition())
            {
                return;
            }

            var left = deadline - Environment.TickCount64;
            if (left <= 0)
            {
                throw new TimeoutException($"The gateway did not receive {what} in time.");
            }

            try
            {
                await changed.WaitAsync(TimeSpan.FromMilliseconds(left)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // loop once more and report what was missing
            }
        }
    }

    private void SignalChange()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = NewSignal();
        }

        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
