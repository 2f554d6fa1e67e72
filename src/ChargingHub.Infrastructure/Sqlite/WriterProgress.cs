namespace ChargingHub.Infrastructure.Sqlite;

/// <summary>
/// Lets callers of a background writer wait until it has dealt with what they handed it: the writer calls
/// <see cref="Signal"/> after every step, and a waiter re-checks its own condition each time.
/// </summary>
internal sealed class WriterProgress
{
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Completes once <paramref name="reached"/> is true; <paramref name="nudge"/> runs before each wait.</summary>
    public async Task WaitUntilAsync(Func<bool> reached, CancellationToken ct, Action? nudge = null)
    {
        while (true)
        {
            // Take the signal before checking, so progress made in between still wakes this wait.
            var changed = Volatile.Read(ref _changed).Task;
            if (reached())
            {
                return;
            }

            nudge?.Invoke();
            await changed.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    public void Signal() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
