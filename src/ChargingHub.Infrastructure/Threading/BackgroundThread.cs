namespace ChargingHub.Infrastructure.Threading;

/// <summary>Runs a blocking writer loop on a thread of its own.</summary>
/// <remarks>
/// The background writers (OCPP frame log, connector states) spend their time in SQLite calls that block their
/// thread (Microsoft.Data.Sqlite has no truly asynchronous I/O) and, between batches, in waiting for the next
/// one. On a thread of their own they never hold a thread-pool thread that a charger's round trip could use.
/// </remarks>
internal static class BackgroundThread
{
    /// <summary>Starts <paramref name="loop"/> on a new background thread; the task completes when it returns.</summary>
    public static Task Start(string name, Action loop)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                loop();
                finished.SetResult();
            }
            catch (Exception ex)
            {
                finished.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return finished.Task;
    }
}
