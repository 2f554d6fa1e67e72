using System.Runtime.InteropServices;

namespace ChargingHub.Infrastructure.Threading;

/// <summary>
/// Runs a writer loop nobody waits for on a thread of its own at a lower CPU priority, so that on a small machine it
/// yields the cores to the work chargers do wait for.
/// </summary>
/// <remarks>
/// The OCPP frame log writes thousands of rows a second under load, synchronously (Microsoft.Data.Sqlite has no
/// truly asynchronous I/O). On the thread pool those batches ran at the same priority as the OCPP round trips and
/// made up most of their p99 (docs/benchmarks.md, latency). .NET ignores <see cref="Thread.Priority"/> on Linux,
/// so the thread lowers its own nice value there; elsewhere it runs at normal priority.
/// </remarks>
internal static partial class BackgroundThread
{
    /// <summary>The Linux nice value of these threads: the scheduler then favours the OCPP threads about 10 to 1.</summary>
    private const int NiceValue = 10;

    private const int PrioProcess = 0;

    /// <summary>Starts <paramref name="loop"/> on a new background thread; the task completes when it returns.</summary>
    public static Task Start(string name, Action loop)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            LowerOwnPriority();
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

    private static void LowerOwnPriority()
    {
        if (OperatingSystem.IsLinux())
        {
            // Best effort: a container may forbid it, and the writer works either way.
            _ = SetPriority(PrioProcess, GetThreadId(), NiceValue);
        }
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);
}
