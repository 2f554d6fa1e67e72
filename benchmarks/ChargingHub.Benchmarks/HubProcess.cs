using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;

namespace ChargingHub.Benchmarks;

/// <summary>
/// A server under test in its own process on a free loopback port: the published hub (fresh data directory,
/// unknown chargers accepted, a bootstrap API key) or the bare echo server. Disposing stops it and removes
/// its temporary directory.
/// </summary>
internal sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _workDirectory;
    private readonly ServerLog _log;

    private HubProcess(Process process, string workDirectory, ServerLog log, int port, string apiKey, long startedAt, string adminPassword)
    {
        AdminPassword = adminPassword;
        _process = process;
        _workDirectory = workDirectory;
        _log = log;
        Port = port;
        ApiKey = apiKey;
        StartedAt = startedAt;
        Http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(60),
        };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public int Port { get; }

    public string ApiKey { get; }

    /// <summary>The password of the hub's <c>admin</c> user (the web UI's sign-in).</summary>
    public string AdminPassword { get; }

    public int ProcessId => _process.Id;

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the process was started.</summary>
    public long StartedAt { get; }

    /// <summary>A client for the REST API, with the bootstrap key.</summary>
    public HttpClient Http { get; }

    public Uri OcppUrl => new($"ws://127.0.0.1:{Port}/ocpp/");

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the published hub with a fresh data directory; returns once the process runs (not yet ready).</summary>
    public static HubProcess StartHub(BenchOptions options) => StartHub(options.HubDirectory, options.HubEnvironment);

    /// <summary>Starts the published hub with a fresh data directory; returns once the process runs (not yet ready).</summary>
    public static HubProcess StartHub(string hubDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var work = Directory.CreateTempSubdirectory("charginghub-bench-").FullName;
        var port = FreePort();
        var apiKey = "bench-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = hubDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(hubDirectory, "ChargingHub.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["Hub__DataDirectory"] = Path.Combine(work, "data");
        start.Environment["Hub__Ocpp__UnknownChargers"] = "Accept";
        start.Environment["Hub__Security__BootstrapApiKey"] = apiKey;
        var adminPassword = "bench-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        start.Environment["Hub__Security__BootstrapAdminPassword"] = adminPassword;
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Start(start, work, port, apiKey, adminPassword);
    }

    /// <summary>Starts this tool's bare WebSocket echo server with the same GC settings as the published hub.</summary>
    public static HubProcess StartEcho(bool zeroByteReads = false, bool rawHandshake = false)
    {
        var work = Directory.CreateTempSubdirectory("charginghub-bench-echo-").FullName;
        var port = FreePort();
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(HubProcess).Assembly.Location);
        }

        start.ArgumentList.Add(EchoServer.CommandName);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (zeroByteReads)
        {
            start.ArgumentList.Add("--zero-byte-reads");
        }

        if (rawHandshake)
        {
            start.ArgumentList.Add("--raw-handshake");
        }

        // The published hub runs with server GC (the web SDK's default); so does the server it is compared with.
        start.Environment["DOTNET_gcServer"] = "1";
        return Start(start, work, port, "", "");
    }

    /// <summary>Waits for <c>/healthz</c> to answer 200; returns the time from process start in milliseconds.</summary>
    public async Task<double> WaitUntilHealthyAsync(TimeSpan limit, CancellationToken ct)
    {
        using var probe = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1) })
        {
            BaseAddress = Http.BaseAddress,
            Timeout = TimeSpan.FromSeconds(2),
        };
        var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            ct.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new BenchmarkException($"The server exited with code {_process.ExitCode} before it was ready; see {LogPath}.");
            }

            try
            {
                using var response = await probe.GetAsync("healthz", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return Stopwatch.GetElapsedTime(StartedAt).TotalMilliseconds;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // A probe timed out while the process was starting.
            }

            await Task.Delay(5, ct);
        }

        throw new BenchmarkException($"The server did not become healthy within {limit.TotalSeconds} s; see {LogPath}.");
    }

    /// <summary>The hub's <c>GET /api/diagnostics</c> (forces a full garbage collection in the hub).</summary>
    public async Task<HubDiagnostics> DiagnosticsAsync(CancellationToken ct, bool collect = true)
    {
        using var response = await Http.GetAsync(collect ? "api/diagnostics" : "api/diagnostics?collect=false", ct);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        var data = document.RootElement.GetProperty("data");
        return new HubDiagnostics(
            data.GetProperty("connectedChargers").GetInt32(),
            data.GetProperty("managedHeapBytes").GetInt64(),
            data.GetProperty("workingSetBytes").GetInt64(),
            data.TryGetProperty("totalAllocatedBytes", out var allocated) ? allocated.GetInt64() : -1,
            data.TryGetProperty("gcCommittedBytes", out var committed) ? committed.GetInt64() : -1);
    }

    public long ResidentBytes => Machine.ResidentBytes(_process.Id);

    /// <summary>CPU seconds the server process has used so far.</summary>
    public double CpuSeconds => Machine.CpuSeconds(_process.Id);

    public string LogPath => Path.Combine(_workDirectory, "server.log");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Killed; the OS reaps it.
            }
        }

        _process.Dispose();
        _log.Dispose();

        if (Environment.GetEnvironmentVariable("BENCH_KEEP_SERVER_FILES") != "1")
        {
            try
            {
                Directory.Delete(_workDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: it is a temporary directory.
            }
        }
    }

    private static HubProcess Start(ProcessStartInfo start, string work, int port, string apiKey, string adminPassword)
    {
        var log = new ServerLog(Path.Combine(work, "server.log"));
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => log.Write(e.Data);
        process.ErrorDataReceived += (_, e) => log.Write(e.Data);
        var startedAt = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HubProcess(process, work, log, port, apiKey, startedAt, adminPassword);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal sealed record HubDiagnostics(int ConnectedChargers, long ManagedHeapBytes, long WorkingSetBytes, long TotalAllocatedBytes, long GcCommittedBytes);

/// <summary>The server's console output, kept in a file next to its data directory.</summary>
internal sealed class ServerLog(string path) : IDisposable
{
    private readonly StreamWriter _writer = new(path) { AutoFlush = true };
    private readonly Lock _gate = new();
    private bool _disposed;

    public void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (!_disposed)
            {
                _writer.WriteLine(line);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _writer.Dispose();
        }
    }
}
