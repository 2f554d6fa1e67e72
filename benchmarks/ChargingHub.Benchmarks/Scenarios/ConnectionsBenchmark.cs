using System.Diagnostics;
using ChargingHub.Ocpp;

namespace ChargingHub.Benchmarks.Scenarios;

/// <summary>
/// Many chargers connected at once (mixed 1.6 / 2.0.1), each booted, reporting its connector and heartbeating:
/// the hub's managed heap per charger beyond the idle hub, read after a forced full collection. The same fleet
/// against the bare Kestrel WebSocket server gives the floor that ASP.NET Core itself sets.
/// </summary>
internal sealed class ConnectionsBenchmark : IBenchmark
{
    public string Name => "connections";

    public string Description => "5,000 chargers connected and heartbeating: managed heap per charger beyond idle (target <= 12 KB), errors (target 0)";

    public async Task<BenchReport> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var count = options.GetInt("chargers", 5000);
        var hold = options.GetDouble("hold", 60);
        var heartbeatSeconds = options.GetDouble("heartbeat", 30);
        var baseline = options.GetString("baseline") != "false";
        var report = new BenchReport(Name,
            $"{count} chargers (half 1.6, half 2.0.1), each booted + 1 StatusNotification + Heartbeat every {heartbeatSeconds} s, held {hold} s");

        Fleet? echo = null;
        Fleet? raw = null;
        if (baseline)
        {
            await using (var server = HubProcess.StartEcho(zeroByteReads: true))
            {
                await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), ct);
                echo = await MeasureAsync(server, isHub: false, count, hold, heartbeatSeconds, ct);
            }

            await using (var server = HubProcess.StartEcho(zeroByteReads: true, rawHandshake: true))
            {
                await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), ct);
                raw = await MeasureAsync(server, isHub: false, count, hold, heartbeatSeconds, ct);
            }
        }

        await using var hub = HubProcess.StartHub(options);
        await hub.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), ct);
        var measured = await MeasureAsync(hub, isHub: true, count, hold, heartbeatSeconds, ct);

        report.Add("chargers connected (hub's count)", "connected", measured.Loaded.ConnectedChargers, "");
        report.Add("time to connect and boot all", "connectSeconds", measured.ConnectSeconds, "s", 1);
        report.Add("managed heap, idle hub", "idleHeapMB", measured.Idle.ManagedHeapBytes / 1048576.0, "MB", 1);
        report.Add($"managed heap, {count} chargers", "loadedHeapMB", measured.Loaded.ManagedHeapBytes / 1048576.0, "MB", 1);
        report.AddTarget("managed heap per charger beyond idle", "heapPerChargerKB", measured.PerChargerKB, "KB", "<= 12 KB", measured.PerChargerKB <= 12, 2);
        if (echo is not null)
        {
            report.Add("  bare Kestrel WebSocket server, same fleet", "echoHeapPerChargerKB", echo.PerChargerKB, "KB", 2);
        }

        if (raw is not null)
        {
            report.Add("  Kestrel transport, handshake below HTTP", "rawHeapPerChargerKB", raw.PerChargerKB, "KB", 2);
        }

        report.Add($"RSS, {count} chargers", "loadedRssMB", measured.LoadedRss / 1048576.0, "MB", 0);
        report.AddRaw("idleRssMB", Math.Round(measured.IdleRss / 1048576.0));
        report.Add("hub calls answered during setup", "setupCallsAnswered", measured.SetupCallsAnswered, "");
        report.AddTarget("errors", "errors", measured.Errors, "", "0", measured.Errors == 0);
        report.Note($"RSS idle {measured.IdleRss / 1048576.0:N0} MB, with {count} chargers {measured.LoadedRss / 1048576.0:N0} MB (includes native socket and SQLite memory)");
        if (echo is not null)
        {
            report.Note("the bare server holds no receive buffer while idle (zero-byte reads), as the hub does");
        }

        return report;
    }

    private static async Task<Fleet> MeasureAsync(HubProcess server, bool isHub, int count, double hold, double heartbeatSeconds, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        var idle = await MedianDiagnosticsAsync(server, ct);
        var idleRss = server.ResidentBytes;

        var connecting = Stopwatch.GetTimestamp();
        var fleet = await ChargerFleet.ConnectAsync(server.OcppUrl, count, i => $"conn-{i:00000}",
            i => i % 2 == 0 ? OcppVersion.V16 : OcppVersion.V201, 100, boot: true, ct);
        var connectSeconds = Stopwatch.GetElapsedTime(connecting).TotalSeconds;
        try
        {
            using var stop = new CancellationTokenSource();
            var failures = new long[1];
            var heartbeating = fleet.Select((charger, i) => Task.Run(() =>
                KeepAliveAsync(charger, (double)i / count * heartbeatSeconds, heartbeatSeconds, failures, stop.Token), ct)).ToList();

            // Let the hub finish asking every charger about itself (two calls each) before holding.
            var settleDeadline = Stopwatch.GetTimestamp() + (120 * Stopwatch.Frequency);
            while (isHub && fleet.Sum(c => c.HubCallsAnswered) < 2 * count && Stopwatch.GetTimestamp() < settleDeadline)
            {
                await Task.Delay(500, ct);
            }

            var setupAnswered = fleet.Sum(c => c.HubCallsAnswered);
            await Task.Delay(TimeSpan.FromSeconds(hold), ct);
            var loaded = await MedianDiagnosticsAsync(server, ct);
            var loadedRss = server.ResidentBytes;
            var closed = fleet.Count(c => !c.IsOpen);
            await stop.CancelAsync();
            await Task.WhenAll(heartbeating);

            var errors = Interlocked.Read(ref failures[0]) + fleet.Sum(c => c.Errors) + closed
                + Math.Abs(count - loaded.ConnectedChargers);
            var perCharger = (loaded.ManagedHeapBytes - idle.ManagedHeapBytes) / (double)count / 1024;
            Console.Error.WriteLine($"  {(isHub ? "hub" : "bare server")}: {perCharger:N2} KB per charger, {errors} errors  (load {Machine.LoadAverage()})");
            return new Fleet(idle, loaded, idleRss, loadedRss, connectSeconds, setupAnswered, errors, perCharger);
        }
        finally
        {
            await ChargerFleet.CloseAsync(fleet);
        }
    }

    /// <summary>Three readings after forced collections; the median damps a reading taken mid-allocation.</summary>
    private static async Task<HubDiagnostics> MedianDiagnosticsAsync(HubProcess server, CancellationToken ct)
    {
        var readings = new List<HubDiagnostics>();
        for (var i = 0; i < 3; i++)
        {
            readings.Add(await server.DiagnosticsAsync(ct));
            await Task.Delay(500, ct);
        }

        return readings.OrderBy(r => r.ManagedHeapBytes).ElementAt(1);
    }

    private static async Task KeepAliveAsync(RawCharger charger, double phaseSeconds, double intervalSeconds, long[] failures, CancellationToken ct)
    {
        var heartbeat = Frames.Heartbeat();
        try
        {
            if (!await charger.CallAsync(Frames.StatusAvailable(charger.Version), TimeSpan.FromSeconds(60)))
            {
                Interlocked.Increment(ref failures[0]);
            }

            await Task.Delay(TimeSpan.FromSeconds(phaseSeconds), ct);
            while (!ct.IsCancellationRequested)
            {
                if (!await charger.CallAsync(heartbeat, TimeSpan.FromSeconds(60)))
                {
                    Interlocked.Increment(ref failures[0]);
                }

                await Task.Delay(TimeSpan.FromSeconds(intervalSeconds), ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Done.
        }
        catch (Exception ex) when (ex is TimeoutException or System.Net.WebSockets.WebSocketException)
        {
            Interlocked.Increment(ref failures[0]);
        }
    }

    private sealed record Fleet(
        HubDiagnostics Idle, HubDiagnostics Loaded, long IdleRss, long LoadedRss, double ConnectSeconds, int SetupCallsAnswered, long Errors, double PerChargerKB);
}
