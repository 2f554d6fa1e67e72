using System.Diagnostics;
using ChargingHub.Ocpp;

namespace ChargingHub.Benchmarks.Scenarios;

/// <summary>
/// The hub's own overhead on a reservation: REST POST /api/reservations → ReserveNow → an instantly answering
/// simulated charger → 200, at a fixed arrival rate (open loop: a slow answer does not slow the arrivals).
/// Each reservation is cancelled right after, so the next one on that connector is not a double booking.
/// </summary>
internal sealed class ReserveBenchmark : IBenchmark
{
    private static readonly TimeSpan CancelAfter = TimeSpan.FromMilliseconds(100);

    public string Name => "reserve";

    public string Description => "POST /api/reservations -> ReserveNow -> simulator -> 200 at 50/s: p50/p99 (target p99 <= 10 ms)";

    public async Task<BenchReport> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var rate = options.GetDouble("rate", 50);
        var seconds = options.GetDouble("seconds", 30);
        var warmup = options.GetDouble("warmup", 5);
        var chargerCount = options.GetInt("chargers", 10);
        const int connectors = 2;
        var report = new BenchReport(Name,
            $"{rate}/s for {seconds} s after {warmup} s warm-up, over {chargerCount} simulated chargers x {connectors} connectors (half 1.6, half 2.0.1); each reservation cancelled {CancelAfter.TotalMilliseconds} ms after its 200");

        await using var hub = HubProcess.StartHub(options);
        await hub.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), ct);
        await using var site = await SimulatedSite.ConnectAsync(hub, chargerCount, connectors,
            i => i % 2 == 0 ? OcppVersion.V16 : OcppVersion.V201, "res", ct);

        var reserve = new LatencyHistogram();
        var cancel = new LatencyHistogram();
        long errors = 0;
        string? firstProblem = null;
        var slots = (int)((warmup + seconds) * rate);
        var measuredFrom = (int)(warmup * rate);
        var origin = Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 2);
        var inFlight = new List<Task>(slots);
        for (var k = 0; k < slots; k++)
        {
            var due = origin + (long)(k / rate * Stopwatch.Frequency);
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), ct);
            }

            var slot = k;
            inFlight.Add(Task.Run(async () =>
            {
                var target = slot % (chargerCount * connectors);
                var chargerId = site.Chargers[target / connectors].ChargerId;
                var connectorId = (target % connectors) + 1;
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    var (ok, status, reservationId, problem) = await ReservationCalls.ReserveAsync(hub.Http, chargerId, connectorId,
                        $"BENCH{target:000}", TimeProvider.System.GetUtcNow().AddMinutes(30), ct);
                    var reserved = Stopwatch.GetTimestamp() - started;
                    if (!ok || status != "Accepted")
                    {
                        Fail(problem ?? $"the charger answered {status}");
                        return;
                    }

                    // Like a person who changes their mind: a little later. It also lets the simulator report the
                    // connector Reserved (20 ms after accepting) before it reports it Available again.
                    await Task.Delay(CancelAfter, ct);
                    started = Stopwatch.GetTimestamp();
                    var (cancelled, cancelProblem) = await ReservationCalls.CancelAsync(hub.Http, chargerId, reservationId, ct);
                    var cancelTime = Stopwatch.GetTimestamp() - started;
                    if (!cancelled)
                    {
                        Fail(cancelProblem!);
                        return;
                    }

                    if (slot >= measuredFrom)
                    {
                        reserve.RecordTicks(reserved);
                        cancel.RecordTicks(cancelTime);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Fail(ex.Message);
                }
            }, ct));
        }

        await Task.WhenAll(inFlight).WaitAsync(TimeSpan.FromSeconds(120), ct);

        report.Add("reservations measured", "samples", reserve.Count, "");
        report.Add("reserve p50", "p50Ms", reserve.PercentileMs(50), "ms", 2);
        report.Add("reserve p90", "p90Ms", reserve.PercentileMs(90), "ms", 2);
        report.AddTarget("reserve p99", "p99Ms", reserve.PercentileMs(99), "ms", "<= 10 ms", reserve.PercentileMs(99) <= 10, 2);
        report.Add("reserve max", "maxMs", reserve.Max / 1e6, "ms", 2);
        report.Add("cancel p50 (context)", "cancelP50Ms", cancel.PercentileMs(50), "ms", 2);
        report.Add("cancel p99 (context)", "cancelP99Ms", cancel.PercentileMs(99), "ms", 2);
        report.AddTarget("errors (non-200 or not Accepted)", "errors", errors, "", "0", errors == 0);
        if (firstProblem is not null)
        {
            report.Note($"first error: {firstProblem}");
        }

        report.Note("the time includes the HTTP client and the simulated charger, which run in the benchmark process on the same cores");
        return report;

        void Fail(string problem)
        {
            if (Interlocked.Increment(ref errors) == 1)
            {
                firstProblem = problem;
            }
        }
    }
}
