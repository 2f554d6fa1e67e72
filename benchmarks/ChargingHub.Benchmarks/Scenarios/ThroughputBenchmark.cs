using System.Diagnostics;
using ChargingHub.Ocpp;

namespace ChargingHub.Benchmarks.Scenarios;

/// <summary>
/// Closed-loop Heartbeats (one outstanding CALL per connection) against the hub and against a bare Kestrel
/// WebSocket echo server, with the same load generator and process layout, alternating run by run.
/// </summary>
internal sealed class ThroughputBenchmark : IBenchmark
{
    public string Name => "throughput";

    public string Description => "100 chargers in a closed loop of Heartbeats: hub vs bare Kestrel echo (target hub/echo >= 0.85)";

    public async Task<BenchReport> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var chargers = options.GetInt("chargers", 100);
        var seconds = options.GetDouble("seconds", 10);
        var warmup = options.GetDouble("warmup", 3);
        var runs = options.GetInt("runs", 5);
        var version = options.GetString("version") == "2.0.1" ? OcppVersion.V201 : OcppVersion.V16;
        var report = new BenchReport(Name,
            $"{chargers} chargers (OCPP {version.DisplayName()}), closed loop, {runs} runs x {seconds} s each after {warmup} s warm-up (and one uncounted round), hub and echo alternating");

        await using var hub = HubProcess.StartHub(options);
        await hub.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), ct);
        await using var echo = HubProcess.StartEcho();
        await echo.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), ct);

        var hubRates = new List<double>();
        var echoRates = new List<double>();
        var hubCpu = new List<double>();
        var hubAllocated = new List<double>();
        var echoCpu = new List<double>();
        long errors = 0;
        // A first round that is not counted: both servers compile their hot paths to the final tier (the
        // published hub is ReadyToRun, whose code is re-jitted once hot) before anything is measured.
        var warmupRound = options.GetDouble("warmup-round", 10);
        if (warmupRound > 0)
        {
            foreach (var server in new[] { hub, echo })
            {
                await MeasureAsync(server, server == hub, $"tpw{(server == hub ? "h" : "e")}", chargers, version, warmupRound, 1, ct);
            }
        }

        for (var run = 0; run < runs; run++)
        {
            // Alternate which server goes first, so neither always gets the cooler (or warmer) machine.
            var order = run % 2 == 0 ? new[] { hub, echo } : new[] { echo, hub };
            foreach (var server in order)
            {
                var isHub = server == hub;
                var (rate, failed, serverCpu, generatorCpu, allocated) = await MeasureAsync(server, isHub, $"tp{run}{(isHub ? "h" : "e")}", chargers, version, warmup, seconds, ct);
                (isHub ? hubRates : echoRates).Add(rate);
                (isHub ? hubCpu : echoCpu).Add(serverCpu);
                if (isHub)
                {
                    hubAllocated.Add(allocated);
                }

                errors += failed;
                Console.Error.WriteLine(
                    $"  run {run + 1}/{runs} {(isHub ? "hub " : "echo")}: {rate:N0} msg/s, server {serverCpu:N1} µs CPU/msg, load generator {generatorCpu:N1} µs CPU/msg  (load {Machine.LoadAverage()})");
            }
        }

        var hubMedian = Stats.Median(hubRates);
        var echoMedian = Stats.Median(echoRates);
        var ratio = hubMedian / echoMedian;
        var perRunRatios = hubRates.Zip(echoRates, (h, e) => h / e).ToList();
        report.Add("hub messages/s (median)", "hubMessagesPerSecond", hubMedian, "msg/s");
        report.Add("echo messages/s (median)", "echoMessagesPerSecond", echoMedian, "msg/s");
        report.AddTarget("ratio hub/echo (of medians)", "ratio", ratio, "", ">= 0.85", ratio >= 0.85, 2);
        report.Add("ratio per run pair (median)", "ratioPerRunMedian", Stats.Median(perRunRatios), "", 2);
        report.Add("hub CPU per message (median)", "hubCpuMicros", Stats.Median(hubCpu), "µs", 1);
        report.Add("echo CPU per message (median)", "echoCpuMicros", Stats.Median(echoCpu), "µs", 1);
        report.Add("hub bytes allocated per message (median)", "hubAllocatedBytes", Stats.Median(hubAllocated), "B");
        report.AddTarget("errors", "errors", errors, "", "0", errors == 0);
        report.Note("CPU per message is the server process's user+system time over the measured window; it is less sensitive to other load on the machine than messages/s");
        report.AddRaw("hubRuns", hubRates.Select(r => Math.Round(r)).ToArray());
        report.AddRaw("echoRuns", echoRates.Select(r => Math.Round(r)).ToArray());
        return report;
    }

    private static async Task<(double Rate, long Errors, double ServerCpuMicros, double GeneratorCpuMicros, double AllocatedBytes)> MeasureAsync(
        HubProcess server, bool isHub, string prefix, int count, OcppVersion version, double warmup, double seconds, CancellationToken ct)
    {
        var fleet = await ChargerFleet.ConnectAsync(server.OcppUrl, count, i => $"{prefix}-{i:0000}", _ => version, 50, boot: true, ct);
        var loops = fleet.Select(charger => new ClosedLoop(charger)).ToList();
        var running = loops.Select(loop => Task.Run(loop.RunAsync, ct)).ToList();

        await Task.Delay(TimeSpan.FromSeconds(warmup), ct);
        var allocated = isHub ? (await server.DiagnosticsAsync(ct, collect: false)).TotalAllocatedBytes : 0;
        var before = loops.Sum(l => l.Completed);
        var serverCpu = server.CpuSeconds;
        var generatorCpu = Machine.CpuSeconds(Environment.ProcessId);
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
        var after = loops.Sum(l => l.Completed);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        serverCpu = server.CpuSeconds - serverCpu;
        generatorCpu = Machine.CpuSeconds(Environment.ProcessId) - generatorCpu;
        allocated = isHub ? (await server.DiagnosticsAsync(ct, collect: false)).TotalAllocatedBytes - allocated : 0;

        foreach (var loop in loops)
        {
            loop.Stop = true;
        }

        long errors = 0;
        try
        {
            await Task.WhenAll(running).WaitAsync(TimeSpan.FromSeconds(30), ct);
        }
        catch (TimeoutException)
        {
            errors += running.Count(t => !t.IsCompleted);
        }

        errors += loops.Sum(l => l.Failed) + fleet.Sum(c => c.Errors);
        await ChargerFleet.CloseAsync(fleet);
        var messages = Math.Max(1, after - before);
        return ((after - before) / elapsed, errors, serverCpu / messages * 1e6, generatorCpu / messages * 1e6, (double)allocated / messages);
    }

    /// <summary>One charger sending Heartbeats back to back.</summary>
    private sealed class ClosedLoop(RawCharger charger)
    {
        private readonly CallFrame _heartbeat = Frames.Heartbeat();
        private long _completed;

        public volatile bool Stop;

        public long Completed => Interlocked.Read(ref _completed);

        public long Failed { get; private set; }

        public async Task RunAsync()
        {
            try
            {
                while (!Stop)
                {
                    if (!await charger.CallAsync(_heartbeat))
                    {
                        Failed++;
                    }

                    Interlocked.Increment(ref _completed);
                }
            }
            catch (System.Net.WebSockets.WebSocketException)
            {
                Failed++;
            }
        }
    }
}
