using System.Diagnostics;
using ChargingHub.Ocpp;

namespace ChargingHub.Benchmarks.Scenarios;

/// <summary>
/// Round-trip time of Heartbeat and StatusNotification (alternating) from many chargers, each sending one
/// message per second at its own phase, so the hub sees a steady, realistic stream rather than bursts.
/// </summary>
internal sealed class LatencyBenchmark : IBenchmark
{
    public string Name => "latency";

    public string Description => "1,000 chargers x 1 msg/s (Heartbeat/StatusNotification): round trip p50/p90/p99/max (target p99 <= 1 ms)";

    public async Task<BenchReport> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var count = options.GetInt("chargers", 1000);
        var seconds = options.GetDouble("seconds", 60);
        var warmup = options.GetDouble("warmup", 10);
        var baseline = options.GetString("baseline") != "false";
        var report = new BenchReport(Name,
            $"{count} chargers (half 1.6, half 2.0.1), each 1 msg/s alternating Heartbeat and StatusNotification, {seconds} s measured after {warmup} s warm-up");

        Result? echo = null;
        if (baseline)
        {
            // The same fleet and schedule against the bare echo server: what the load generator, the kernel and
            // Kestrel cost on their own on this machine.
            await using var server = HubProcess.StartEcho();
            await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), ct);
            echo = await MeasureAsync(server, count, seconds, warmup, ct);
        }

        await using var hub = HubProcess.StartHub(options);
        await hub.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), ct);
        var measured = await MeasureAsync(hub, count, seconds, warmup, ct);
        var all = measured.All;

        report.Add("round trips measured", "samples", all.Count, "");
        report.Add("p50", "p50Ms", all.PercentileMs(50), "ms", 3);
        report.Add("p90", "p90Ms", all.PercentileMs(90), "ms", 3);
        report.AddTarget("p99", "p99Ms", all.PercentileMs(99), "ms", "<= 1 ms", all.PercentileMs(99) <= 1.0, 3);
        report.Add("p99.9", "p999Ms", all.PercentileMs(99.9), "ms", 3);
        report.Add("max", "maxMs", all.Max / 1e6, "ms", 3);
        report.Add("Heartbeat p50", "heartbeatP50Ms", measured.Heartbeats.PercentileMs(50), "ms", 3);
        report.Add("Heartbeat p99", "heartbeatP99Ms", measured.Heartbeats.PercentileMs(99), "ms", 3);
        report.Add("StatusNotification p50", "statusP50Ms", measured.Statuses.PercentileMs(50), "ms", 3);
        report.Add("StatusNotification p99", "statusP99Ms", measured.Statuses.PercentileMs(99), "ms", 3);
        if (echo is not null)
        {
            report.Add("  bare echo server, same load: p50", "echoP50Ms", echo.All.PercentileMs(50), "ms", 3);
            report.Add("  bare echo server, same load: p99", "echoP99Ms", echo.All.PercentileMs(99), "ms", 3);
            report.Add("  bare echo server, same load: max", "echoMaxMs", echo.All.Max / 1e6, "ms", 3);
        }

        report.AddTarget("errors", "errors", measured.Errors, "", "0", measured.Errors == 0);
        report.Note($"expected about {(long)(count * seconds):N0} round trips ({count} x {seconds} s); the load generator runs on the same 2 cores, so its own scheduling delay is included");
        return report;
    }

    private static async Task<Result> MeasureAsync(HubProcess server, int count, double seconds, double warmup, CancellationToken ct)
    {
        var fleet = await ChargerFleet.ConnectAsync(server.OcppUrl, count, i => $"lat-{i:00000}",
            i => i % 2 == 0 ? OcppVersion.V16 : OcppVersion.V201, 50, boot: true, ct);
        try
        {
            var result = new Result();
            var origin = Stopwatch.GetTimestamp() + Stopwatch.Frequency; // start in a second
            var measureFrom = origin + (long)(warmup * Stopwatch.Frequency);
            var end = measureFrom + (long)(seconds * Stopwatch.Frequency);
            var senders = fleet.Select((charger, i) => Task.Run(() => SendAsync(
                charger,
                origin + (long)((double)i / count * Stopwatch.Frequency),
                measureFrom,
                end,
                result), ct)).ToList();
            result.Errors = (await Task.WhenAll(senders)).Sum() + fleet.Sum(c => c.Errors);
            Console.Error.WriteLine($"  {(server.ApiKey.Length > 0 ? "hub" : "bare echo server")}: p50 {result.All.PercentileMs(50):N3} ms, p99 {result.All.PercentileMs(99):N3} ms  (load {Machine.LoadAverage()})");
            return result;
        }
        finally
        {
            await ChargerFleet.CloseAsync(fleet);
        }
    }

    private sealed class Result
    {
        public LatencyHistogram All { get; } = new();

        public LatencyHistogram Heartbeats { get; } = new();

        public LatencyHistogram Statuses { get; } = new();

        public long Errors { get; set; }
    }

    private static async Task<long> SendAsync(RawCharger charger, long first, long measureFrom, long end, Result result)
    {
        var heartbeat = Frames.Heartbeat();
        var status = Frames.StatusAvailable(charger.Version);
        long failures = 0;
        var next = first;
        for (var n = 0; next < end; n++, next += Stopwatch.Frequency)
        {
            var wait = next - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency));
            }

            var isStatus = n % 2 == 1;
            var sent = Stopwatch.GetTimestamp();
            bool ok;
            try
            {
                ok = await charger.CallAsync(isStatus ? status : heartbeat, TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is TimeoutException or System.Net.WebSockets.WebSocketException)
            {
                return failures + 1;
            }

            var elapsed = Stopwatch.GetTimestamp() - sent;
            if (!ok)
            {
                failures++;
            }
            else if (sent >= measureFrom)
            {
                result.All.RecordTicks(elapsed);
                (isStatus ? result.Statuses : result.Heartbeats).RecordTicks(elapsed);
            }
        }

        return failures;
    }
}
