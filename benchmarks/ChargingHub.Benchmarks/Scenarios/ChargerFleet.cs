using ChargingHub.Ocpp;

namespace ChargingHub.Benchmarks.Scenarios;

/// <summary>Connects and boots many <see cref="RawCharger"/>s, a bounded number at a time.</summary>
internal static class ChargerFleet
{
    public static async Task<List<RawCharger>> ConnectAsync(
        Uri ocppBase, int count, Func<int, string> idOf, Func<int, OcppVersion> versionOf, int parallel, bool boot, CancellationToken ct)
    {
        var chargers = new RawCharger[count];
        using var gate = new SemaphoreSlim(parallel);
        var failures = 0;
        string? firstFailure = null;
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var charger = new RawCharger(idOf(i), versionOf(i));
                chargers[i] = charger;
                await charger.ConnectAsync(ocppBase, ct);
                if (boot && !await charger.CallAsync(Frames.Boot(charger.Version), TimeSpan.FromSeconds(30)))
                {
                    throw new InvalidOperationException($"{charger.Id}: BootNotification was answered with a CALLERROR.");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (Interlocked.Increment(ref failures) == 1)
                {
                    firstFailure = ex.Message;
                }
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks);
        if (failures > 0)
        {
            await CloseAsync(chargers.Where(c => c is not null).ToList());
            throw new BenchmarkException($"{failures} of {count} chargers could not connect and boot; the first: {firstFailure}");
        }

        return [.. chargers];
    }

    public static async Task CloseAsync(IReadOnlyList<RawCharger> chargers, int parallel = 200)
    {
        using var gate = new SemaphoreSlim(parallel);
        await Task.WhenAll(chargers.Select(async charger =>
        {
            await gate.WaitAsync();
            try
            {
                await charger.DisposeAsync();
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
