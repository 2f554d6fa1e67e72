using System.Text.Json;

namespace ChargingHub.Simulator;

/// <summary>A call the hub sent to the simulator, as received.</summary>
public sealed record ReceivedCall(string Action, JsonElement Payload);

/// <summary>
/// Everything the hub sent, in order. <see cref="WaitForAsync"/> hands out each call of an action once, in
/// order, whatever else arrived in between, so a test can wait for "the next ReserveNow".
/// </summary>
public sealed class ReceivedCalls
{
    private readonly object _gate = new();
    private readonly List<ReceivedCall> _all = [];
    private readonly Dictionary<string, int> _handedOut = new(StringComparer.Ordinal);
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ReceivedCall> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _all];
            }
        }
    }

    public int Count(string action)
    {
        lock (_gate)
        {
            return _all.Count(c => c.Action == action);
        }
    }

    internal void Add(ReceivedCall call)
    {
        TaskCompletionSource added;
        lock (_gate)
        {
            _all.Add(call);
            added = _added;
            _added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        added.TrySetResult();
    }

    /// <summary>The next not-yet-returned call of <paramref name="action"/>; <see cref="TimeoutException"/> after <paramref name="timeout"/> (default 10 s).</summary>
    public async Task<ReceivedCall> WaitForAsync(string action, TimeSpan? timeout = null)
    {
        var deadline = Task.Delay(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task added;
            lock (_gate)
            {
                var skip = _handedOut.GetValueOrDefault(action);
                var next = _all.Where(c => c.Action == action).Skip(skip).FirstOrDefault();
                if (next is not null)
                {
                    _handedOut[action] = skip + 1;
                    return next;
                }

                added = _added.Task;
            }

            if (await Task.WhenAny(added, deadline) == deadline)
            {
                throw new TimeoutException($"The hub sent no {action} in time.");
            }
        }
    }
}
