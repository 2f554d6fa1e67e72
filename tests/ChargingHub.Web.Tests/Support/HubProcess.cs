using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace ChargingHub.Web.Tests.Support;

/// <summary>
/// The hub as a real process (the built ChargingHub.Web.dll) on a free loopback port: for tests that need a
/// real Kestrel socket (an independent OCPP client, compression), a real restart, or a kill.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HubProcess(Process process, int port, string dataDirectory)
    {
        _process = process;
        Port = port;
        DataDirectory = dataDirectory;
    }

    public int Port { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public Uri OcppUrl => new($"ws://127.0.0.1:{Port}/ocpp");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the hub and waits for /healthz; throws with the hub's output if it does not become ready.</summary>
    public static async Task<HubProcess> StartAsync(IDictionary<string, string?>? settings = null, string? dataDirectory = null, int? port = null)
    {
        var hub = Launch(settings, dataDirectory ?? TempDirectory.Create(), port ?? FreePort());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (hub.HasExited)
            {
                throw new InvalidOperationException($"The hub exited with {hub._process.ExitCode}:\n{hub.Output}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(hub.BaseAddress, "healthz"))).StatusCode == HttpStatusCode.OK)
                {
                    return hub;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        await hub.DisposeAsync();
        throw new TimeoutException($"The hub did not become ready:\n{hub.Output}");
    }

    /// <summary>Runs the hub and waits for it to exit (for configuration errors); returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IDictionary<string, string?> settings, TimeSpan timeout)
    {
        var hub = Launch(settings, TempDirectory.Create(), FreePort());
        using var cts = new CancellationTokenSource(timeout);
        await hub._process.WaitForExitAsync(cts.Token);
        return (hub._process.ExitCode, hub.Output);
    }

    public HttpClient CreateApiClient(string apiKey = HubTestHost.ApiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>Kills the process at once, as a power cut would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static HubProcess Launch(IDictionary<string, string?>? settings, string dataDirectory, int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(HubAssembly)!,
        };
        start.ArgumentList.Add(HubAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var env = new Dictionary<string, string?>
        {
            ["Hub:DataDirectory"] = dataDirectory,
            ["Hub:Security:BootstrapApiKey"] = HubTestHost.ApiKey,
            ["Hub:Security:BootstrapAdminPassword"] = HubTestHost.AdminPassword,
            ["Hub:Ocpp:UnknownChargers"] = "Accept",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            env[key] = value;
        }

        foreach (var (key, value) in env)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the hub.");
        var hub = new HubProcess(process, port, dataDirectory);
        process.OutputDataReceived += (_, e) => hub.Append(e.Data);
        process.ErrorDataReceived += (_, e) => hub.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return hub;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>The hub's own build output, next to this test assembly's configuration.</summary>
    private static string HubAssembly { get; } = FindHubAssembly();

    private static string FindHubAssembly()
    {
        var root = RepoRoot.Find();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/{Configuration}/net10.0/
        var path = Path.Combine(root, "src", "ChargingHub.Web", "bin", configuration, "net10.0", "ChargingHub.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/ChargingHub.Web first.", path);
    }
}

public static class RepoRoot
{
    /// <summary>The repository root: the first folder above the test binaries holding ChargingHub.sln.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChargingHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ChargingHub.sln not found above " + AppContext.BaseDirectory);
    }
}
