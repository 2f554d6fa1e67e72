using System.Diagnostics;
using System.Net.Sockets;
using ChargingHub.Mqtt;
using ChargingHub.Ocpp;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargingHub.Benchmarks.Scenarios;

/// <summary>
/// The Home Assistant bridge over a real Mosquitto broker on loopback: how long a connector's status change takes
/// to reach a subscriber as the connector's retained status message, and what happens to the hub's OCPP service
/// and memory while the broker is down.
/// </summary>
internal sealed class MqttBenchmark : IBenchmark
{
    public string Name => "mqtt";

    public string Description => "status change -> MQTT message at a subscriber p99 (<= 20 ms); broker down: OCPP unaffected, memory bounded";

    public async Task<BenchReport> RunAsync(BenchOptions options, CancellationToken ct)
    {
        var chargers = options.GetInt("chargers", 10);
        var changes = options.GetInt("changes", 300);
        var downSeconds = options.GetDouble("down", 30);
        var downRate = options.GetDouble("down-rate", 400);
        var report = new BenchReport(Name,
            $"Mosquitto on loopback, {chargers} chargers; {changes} status changes timed to the subscriber; then the broker stopped for {downSeconds} s while {downRate} status changes/s arrive");

        var port = HubProcess.FreePort();
        using var broker = new Broker(port);
        await broker.StartAsync(ct);
        var settings = new Dictionary<string, string>(options.HubEnvironment)
        {
            ["Hub__Mqtt__Host"] = "127.0.0.1",
            ["Hub__Mqtt__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await using var hub = HubProcess.StartHub(options.HubDirectory, settings);
        await hub.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60), ct);

        await using var subscriber = new Subscriber(port);
        await subscriber.StartAsync(ct);
        var fleet = await ChargerFleet.ConnectAsync(hub.OcppUrl, chargers, i => $"mqtt-{i:00}", _ => OcppVersion.V16, chargers, boot: true, ct);
        try
        {
            foreach (var charger in fleet)
            {
                await charger.CallAsync(Frames.Status16(1, "Available"), TimeSpan.FromSeconds(30));
            }

            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            var state = fleet.ToDictionary(c => c.Id, _ => "Available", StringComparer.Ordinal);
            var frames = fleet.ToDictionary(c => c.Id, _ => (Preparing: Frames.Status16(1, "Preparing"), Available: Frames.Status16(1, "Available")), StringComparer.Ordinal);

            // 1. Status change to message, one at a time.
            var delays = new List<double>();
            var ocppUp = new LatencyHistogram();
            for (var i = 0; i < changes; i++)
            {
                var charger = fleet[i % fleet.Count];
                var next = state[charger.Id] == "Available" ? "Preparing" : "Available";
                state[charger.Id] = next;
                var arrived = subscriber.Expect(Topic(charger.Id));
                var sent = Stopwatch.GetTimestamp();
                await charger.CallAsync(next == "Preparing" ? frames[charger.Id].Preparing : frames[charger.Id].Available, TimeSpan.FromSeconds(30));
                ocppUp.RecordTicks(Stopwatch.GetTimestamp() - sent);
                try
                {
                    var at = await arrived.WaitAsync(TimeSpan.FromSeconds(5), ct);
                    delays.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
                }
                catch (TimeoutException)
                {
                    // Missing: fewer delays than changes fails the target.
                }

                await Task.Delay(20, ct);
            }

            var (retained, _) = await LatestIsRetainedAsync(port, Topic(fleet[0].Id), state[fleet[0].Id], ct);

            // 2. The broker goes away while chargers keep changing state.
            var before = await hub.DiagnosticsAsync(ct);
            var threadsBefore = ThreadCount(hub.ProcessId);
            broker.Stop();
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            var ocppDown = new LatencyHistogram();
            long downErrors = 0;
            var total = (int)(downSeconds * downRate);
            var origin = Stopwatch.GetTimestamp();
            HubDiagnostics? halfway = null;
            for (var i = 0; i < total; i++)
            {
                if (i == total / 2)
                {
                    halfway = await hub.DiagnosticsAsync(ct);
                }

                var due = origin + (long)(i / downRate * Stopwatch.Frequency);
                var wait = due - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), ct);
                }

                var charger = fleet[i % fleet.Count];
                var next = state[charger.Id] == "Available" ? "Preparing" : "Available";
                state[charger.Id] = next;
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    if (!await charger.CallAsync(next == "Preparing" ? frames[charger.Id].Preparing : frames[charger.Id].Available, TimeSpan.FromSeconds(10)))
                    {
                        downErrors++;
                    }
                }
                catch (Exception ex) when (ex is TimeoutException or System.Net.WebSockets.WebSocketException)
                {
                    downErrors++;
                }

                ocppDown.RecordTicks(Stopwatch.GetTimestamp() - sent);
            }

            var after = await hub.DiagnosticsAsync(ct);
            var threadsAfter = ThreadCount(hub.ProcessId);

            // 3. The broker comes back: the hub reconnects and publishes the state it has.
            var restarted = Stopwatch.GetTimestamp();
            await broker.StartAsync(ct);
            var (recovered, lastSeen) = await WaitForLatestAsync(port, Topic(fleet[0].Id), state[fleet[0].Id], TimeSpan.FromSeconds(90), ct);
            var recoverySeconds = recovered ? Stopwatch.GetElapsedTime(restarted).TotalSeconds : double.NaN;

            var p99 = Stats.Percentile(delays, 99);
            report.Add("status change to message p50", "p50Ms", Stats.Percentile(delays, 50), "ms", 2);
            report.AddTarget("status change to message p99", "p99Ms", p99, "ms", "<= 20 ms", p99 <= 20 && delays.Count == changes, 2);
            report.Add("status change to message max", "maxMs", delays.Count > 0 ? delays.Max() : double.NaN, "ms", 2);
            report.AddTarget("latest status retained at the broker", "retained", retained ? 1 : 0, retained ? "(yes)" : "(no)", "yes", retained);
            report.Add("OCPP round trip p99, broker up", "ocppUpP99Ms", ocppUp.PercentileMs(99), "ms", 2);
            report.AddTarget("OCPP round trip p99, broker down", "ocppDownP99Ms", ocppDown.PercentileMs(99), "ms", "like broker up", ocppDown.PercentileMs(99) <= Math.Max(5, 3 * ocppUp.PercentileMs(99)), 2);
            report.AddTarget("OCPP errors, broker down", "downErrors", downErrors, "", "0", downErrors == 0);
            var growth = (after.ManagedHeapBytes - before.ManagedHeapBytes) / 1048576.0;
            var secondHalf = (after.ManagedHeapBytes - halfway!.ManagedHeapBytes) / 1048576.0;
            report.Add($"managed heap growth over {total} changes, broker down", "heapGrowthMB", growth, "MB", 1);
            report.AddTarget("  of which in the second half", "heapGrowthSecondHalfMB", secondHalf, "MB", "~0 (bounded queue)", secondHalf < 1, 2);
            report.AddTarget("hub threads before / after the outage", "threadsAfter", threadsAfter, $"(before {threadsBefore})", "no growth", threadsAfter <= threadsBefore + 4);
            report.AddRaw("threadsBefore", threadsBefore);
            report.Add("broker back: latest state published after", "recoverySeconds", recoverySeconds, "s", 1);
            if (!recovered)
        {
            using var charger = System.Text.Json.JsonDocument.Parse(await hub.Http.GetStringAsync($"api/chargers/{fleet[0].Id}", ct));
            var hubSays = charger.RootElement.GetProperty("data").GetProperty("connectors").EnumerateArray()
                .FirstOrDefault(c => c.GetProperty("connectorId").GetInt32() == 1).GetProperty("status").GetString();
            report.Note($"after the broker came back, {Topic(fleet[0].Id)} showed {lastSeen ?? "nothing"}; the charger last reported {state[fleet[0].Id]}, the hub's API says {hubSays}");
        }

        report.Note("the hub's MQTT client reconnects with exponential backoff (up to 30 s), so recovery time depends on where the backoff is");
            return report;
        }
        finally
        {
            await ChargerFleet.CloseAsync(fleet);
        }
    }

    private static string Topic(string chargerId) => $"chargehub/chargers/{chargerId}/connectors/1/status";

    private static int ThreadCount(int pid)
    {
        try
        {
            return Directory.GetDirectories($"/proc/{pid}/task").Length;
        }
        catch (IOException)
        {
            return -1;
        }
    }

    /// <summary>Whether a new subscriber gets the connector's latest status as a retained message.</summary>
    private static async Task<(bool Ok, string? Seen)> LatestIsRetainedAsync(int port, string topic, string expected, CancellationToken ct)
    {
        await using var probe = new Subscriber(port, "bench-retained-probe");
        var arrived = probe.ExpectMessage(topic);
        await probe.StartAsync(ct, topic);
        try
        {
            var message = await arrived.WaitAsync(TimeSpan.FromSeconds(5), ct);
            var payload = message.GetPayloadAsString();
            return (message.Retain && payload.Contains(expected, StringComparison.OrdinalIgnoreCase), $"'{payload}' (retain {message.Retain})");
        }
        catch (TimeoutException)
        {
            return (false, null);
        }
    }

    private static async Task<(bool Ok, string? Seen)> WaitForLatestAsync(int port, string topic, string expected, TimeSpan limit, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        string? seen = null;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var (ok, payload) = await LatestIsRetainedAsync(port, topic, expected, ct);
            seen = payload ?? seen;
            if (ok)
            {
                return (true, seen);
            }

            await Task.Delay(500, ct);
        }

        return (false, seen);
    }

    /// <summary>A Mosquitto broker on a loopback port, stopped and started at will.</summary>
    private sealed class Broker(int port) : IDisposable
    {
        private Process? _process;

        public async Task StartAsync(CancellationToken ct)
        {
            var start = new ProcessStartInfo("mosquitto") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-p");
            start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                _process = Process.Start(start);
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new BenchmarkException($"mosquitto could not be started ({ex.Message}); install it (Debian: apt-get install mosquitto).");
            }

            _process!.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            for (var i = 0; i < 100; i++)
            {
                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync("127.0.0.1", port, ct);
                    return;
                }
                catch (SocketException)
                {
                    await Task.Delay(50, ct);
                }
            }

            throw new BenchmarkException("mosquitto did not start listening.");
        }

        public void Stop()
        {
            if (_process is { HasExited: false })
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }

            _process?.Dispose();
            _process = null;
        }

        public void Dispose() => Stop();
    }

    /// <summary>A subscriber on the hub's connector status topics, with the hub's own MQTT client.</summary>
    private sealed class Subscriber(int port, string clientId = "bench-subscriber") : IAsyncDisposable
    {
        private readonly MqttClient _client = new(
            new MqttClientOptions { Host = "127.0.0.1", Port = port, ClientId = clientId, ReconnectDelayMax = TimeSpan.FromSeconds(2) },
            TimeProvider.System,
            NullLogger<MqttClient>.Instance);

        private readonly Lock _gate = new();
        private readonly Dictionary<string, TaskCompletionSource<long>> _waiting = new(StringComparer.Ordinal);
        private readonly Dictionary<string, TaskCompletionSource<MqttApplicationMessage>> _messages = new(StringComparer.Ordinal);
        private readonly CancellationTokenSource _stop = new();
        private Task _reading = Task.CompletedTask;

        public async Task StartAsync(CancellationToken ct, string filter = "chargehub/chargers/+/connectors/+/status")
        {
            await _client.StartAsync(ct);
            _reading = Task.Run(ReadAsync, ct);
            await _client.SubscribeAsync(filter, MqttQos.AtLeastOnce, ct);
        }

        /// <summary>Completes with the arrival time of the next message on <paramref name="topic"/>.</summary>
        public Task<long> Expect(string topic)
        {
            var arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _waiting[topic] = arrived;
            }

            return arrived.Task;
        }

        public Task<MqttApplicationMessage> ExpectMessage(string topic)
        {
            var arrived = new TaskCompletionSource<MqttApplicationMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _messages[topic] = arrived;
            }

            return arrived.Task;
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
            {
                try
                {
                    await _client.StopAsync(timeout.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
                {
                    // The broker is gone; nothing to flush.
                }
            }

            await _client.DisposeAsync();
            try
            {
                await _reading;
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }

            _stop.Dispose();
        }

        private async Task ReadAsync()
        {
            await foreach (var message in _client.Messages.ReadAllAsync(_stop.Token))
            {
                var at = Stopwatch.GetTimestamp();
                lock (_gate)
                {
                    if (_waiting.Remove(message.Topic, out var waiter))
                    {
                        waiter.TrySetResult(at);
                    }

                    if (_messages.Remove(message.Topic, out var wanted))
                    {
                        wanted.TrySetResult(message);
                    }
                }
            }
        }
    }
}
