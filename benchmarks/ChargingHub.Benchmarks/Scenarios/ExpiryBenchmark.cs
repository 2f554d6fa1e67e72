using System.Diagnostics;
using System.Text.Json;
using ChargingHub.Ocpp;

namespace ChargingHub.Benchmarks.Scenarios;

/// <summary>
/// Many reservations expiring together: for each, the delay between its expiryDate and the moment the hub
/// marked it Expired (the transition time the hub stores, read back through the API; the moment the API first
/// showed it is reported as an upper bound).
/// </summary>
internal sealed class ExpiryBenchmark : IBenchmark
{
    public string Name => "expiry";

    public string Description => "1,000 reservations expiring in the same second: delay to Expired p50/p99/max (target: all within 1 s)";

    public async Task<BenchReport> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var count = options.GetInt("reservations", 1000);
        var chargerCount = options.GetInt("chargers", 10);
        var connectors = (count + chargerCount - 1) / chargerCount;
        var lead = options.GetDouble("lead", 60);
        var spread = options.GetDouble("spread", 0);
        var report = new BenchReport(Name,
            $"{count} reservations on {chargerCount} simulated 1.6 chargers x {connectors} connectors, " +
            (spread > 0 ? $"expiries spread evenly over {spread} s" : "all expiring at the same instant"));

        await using var hub = HubProcess.StartHub(options);
        await hub.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), ct);
        await using var site = await SimulatedSite.ConnectAsync(hub, chargerCount, connectors, _ => OcppVersion.V16, "exp", ct);

        // A whole second some way ahead, so that every reservation exists well before it is due.
        var now = TimeProvider.System.GetUtcNow();
        var first = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(lead);
        var expiries = new Dictionary<(string ChargerId, int ReservationId), DateTimeOffset>();
        var gate = new SemaphoreSlim(20);
        var creating = Stopwatch.GetTimestamp();
        var created = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var chargerId = site.Chargers[i / connectors].ChargerId;
                var expiry = first.AddSeconds(spread * i / count);
                var (ok, status, reservationId, problem) = await ReservationCalls.ReserveAsync(
                    hub.Http, chargerId, (i % connectors) + 1, $"EXP{i:0000}", expiry, ct);
                return ok && status == "Accepted"
                    ? (chargerId, reservationId, expiry)
                    : throw new BenchmarkException($"reservation {i} was not accepted: {problem ?? status}");
            }
            finally
            {
                gate.Release();
            }
        }));
        var createSeconds = Stopwatch.GetElapsedTime(creating).TotalSeconds;
        foreach (var (chargerId, reservationId, expiry) in created)
        {
            expiries[(chargerId, reservationId)] = expiry;
        }

        if (TimeProvider.System.GetUtcNow() > first.AddSeconds(-5))
        {
            throw new BenchmarkException($"creating {count} reservations took {createSeconds:N1} s, too close to their expiry; raise --lead.");
        }

        // Poll gently (every 250 ms): the hub's stored transition time is the measurement, the poll only collects it.
        var hubDelays = new List<double>();
        var observedDelays = new List<double>();
        var seen = new HashSet<(string, int)>();
        var last = first.AddSeconds(spread);
        await DelayUntilAsync(first.AddSeconds(-1), ct);
        while (seen.Count < count && TimeProvider.System.GetUtcNow() < last.AddSeconds(60))
        {
            using var response = await hub.Http.GetAsync($"api/reservations?status=Expired&limit={Math.Min(1000, count)}", ct);
            var polledAt = TimeProvider.System.GetUtcNow();
            response.EnsureSuccessStatusCode();
            using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
            foreach (var item in document.RootElement.GetProperty("data").EnumerateArray())
            {
                var key = (item.GetProperty("chargerId").GetString()!, item.GetProperty("reservationId").GetInt32());
                if (!expiries.TryGetValue(key, out var expiry) || !seen.Add(key))
                {
                    continue;
                }

                hubDelays.Add((item.GetProperty("updatedAt").GetDateTimeOffset() - expiry).TotalMilliseconds);
                observedDelays.Add((polledAt - expiry).TotalMilliseconds);
            }

            await Task.Delay(250, ct);
        }

        var missing = count - seen.Count;
        var max = hubDelays.Count > 0 ? hubDelays.Max() : double.NaN;
        var within = hubDelays.Count(d => d <= 1000);
        report.Add("reservations created (time)", "createSeconds", createSeconds, "s", 1);
        report.Add("delay to Expired p50", "p50Ms", Stats.Percentile(hubDelays, 50), "ms");
        report.Add("delay to Expired p99", "p99Ms", Stats.Percentile(hubDelays, 99), "ms");
        report.AddTarget("delay to Expired max", "maxMs", max, "ms", "<= 1000 ms", missing == 0 && max <= 1000);
        report.AddTarget("expired within 1 s", "within1s", within, $"of {count}", $"{count} of {count}", within == count);
        report.Add("seen through the API (max, 250 ms polls)", "observedMaxMs", observedDelays.Count > 0 ? observedDelays.Max() : double.NaN, "ms");
        report.AddTarget("not marked Expired", "missing", missing, "", "0", missing == 0);
        report.Note("1.6 chargers send no expiry message of their own, so every Expired here comes from the hub's clock");
        return report;
    }

    private static async Task DelayUntilAsync(DateTimeOffset at, CancellationToken ct)
    {
        var wait = at - TimeProvider.System.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct);
        }
    }
}
