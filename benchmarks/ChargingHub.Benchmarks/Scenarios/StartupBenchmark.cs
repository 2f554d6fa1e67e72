using ChargingHub.Ocpp;

namespace ChargingHub.Benchmarks.Scenarios;

/// <summary>
/// Time from starting the published hub (a fresh data directory: database created and migrated) to the first
/// 200 on <c>/healthz</c>, and the resident memory of that hub once ten chargers are connected and idle.
/// </summary>
internal sealed class StartupBenchmark : IBenchmark
{
    public string Name => "startup";

    public string Description => "cold start to /healthz 200 (target <= 1.5 s) and idle RSS with 10 chargers (target <= 120 MB)";

    public async Task<BenchReport> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var runs = options.GetInt("runs", 7);
        var chargers = options.GetInt("chargers", 10);
        var settle = options.GetDouble("settle", 10);
        var report = new BenchReport(Name,
            $"{runs} starts of the published Release build (ReadyToRun), each with a fresh data directory; RSS after {chargers} chargers connect and idle {settle} s");

        var startMs = new List<double>();
        var rssMb = new List<double>();
        var privateMb = new List<double>();
        var parts = new[] { "RssAnon", "RssFile", "RssShmem" }.ToDictionary(field => field, _ => new List<double>());
        var gcCommittedMb = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await using var hub = HubProcess.StartHub(options);
            var elapsed = await hub.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), ct);
            startMs.Add(elapsed);
            var fleet = await ChargerFleet.ConnectAsync(hub.OcppUrl, chargers, i => $"start-{i:00}",
                i => i % 2 == 0 ? OcppVersion.V16 : OcppVersion.V201, chargers, boot: true, ct);
            try
            {
                foreach (var charger in fleet)
                {
                    await charger.CallAsync(Frames.StatusAvailable(charger.Version), TimeSpan.FromSeconds(30));
                }

                await Task.Delay(TimeSpan.FromSeconds(settle), ct);
                var rss = hub.ResidentBytes / 1048576.0;
                rssMb.Add(rss);
                privateMb.Add(Machine.PrivateBytes(hub.ProcessId) / 1048576.0);
                foreach (var (field, values) in parts)
                {
                    values.Add(Machine.StatusBytes(hub.ProcessId, field) / 1048576.0);
                }

                // Read after the RSS: the memory the garbage collector holds, without making it collect.
                gcCommittedMb.Add((await hub.DiagnosticsAsync(ct, collect: false)).GcCommittedBytes / 1048576.0);
                Console.Error.WriteLine($"  run {run + 1}/{runs}: healthy after {elapsed:N0} ms, RSS {rss:N1} MB with {chargers} chargers  (load {Machine.LoadAverage()})");
            }
            finally
            {
                await ChargerFleet.CloseAsync(fleet);
            }
        }

        var medianStart = Stats.Median(startMs);
        var medianRss = Stats.Median(rssMb);
        report.AddTarget("start to /healthz 200 (median)", "startMs", medianStart, "ms", "<= 1500 ms", medianStart <= 1500);
        report.Add("start to /healthz 200 (max)", "startMaxMs", startMs.Max(), "ms");
        report.AddRaw("startMinMs", Math.Round(startMs.Min()));
        report.AddTarget($"RSS with {chargers} chargers (median)", "rssMB", medianRss, "MB", "<= 120 MB", medianRss <= 120, 1);
        report.Add($"RSS with {chargers} chargers (max)", "rssMaxMB", rssMb.Max(), "MB", 1);
        report.Add("  of which private to the hub (median)", "privateMB", Stats.Median(privateMb), "MB", 1);
        foreach (var (field, values) in parts)
        {
            report.Add($"  {field} (median)", field, Stats.Median(values), "MB", 1);
        }

        report.Add("  GC committed (median)", "gcCommittedMB", Stats.Median(gcCommittedMb), "MB", 1);
        report.AddRaw("startRunsMs", startMs.Select(s => Math.Round(s)).ToArray());
        report.AddRaw("rssRunsMB", rssMb.Select(s => Math.Round(s, 1)).ToArray());
        report.Note($"start min {startMs.Min():N0} ms; measured from process start (includes the dotnet host) to the first 200, polling every 5 ms");
        report.Note("RssAnon: managed and native heaps, stacks; RssFile: touched pages of assemblies and libraries; RssShmem: the runtime's double-mapped code, stubs and type data");
        report.Note("RSS counts the pages of the .NET and ASP.NET Core assemblies that the hub has touched (shared, file-backed); private is what is the hub's alone");
        return report;
    }
}
