using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Xunit;

namespace ChargingHub.TestSupport;

/// <summary>How a <see cref="MosquittoBroker"/> is configured.</summary>
public sealed class MosquittoBrokerOptions
{
    /// <summary>
    /// User names and passwords written to a password file with <c>mosquitto_passwd</c>. When
    /// any are given, anonymous clients are refused.
    /// </summary>
    public IReadOnlyDictionary<string, string> Users { get; init; } = new Dictionary<string, string>();

    /// <summary>Serve TLS with a freshly generated self-signed certificate for <c>localhost</c> and <c>127.0.0.1</c>.</summary>
    public bool UseTls { get; init; }

    /// <summary>Extra lines appended to the generated <c>mosquitto.conf</c>.</summary>
    public IReadOnlyList<string> AdditionalConfiguration { get; init; } = [];
}

/// <summary>
/// A real Mosquitto broker on a free loopback port, for integration tests. Each instance runs its
/// own process with its own configuration in a temporary directory (persistence off), so tests
/// can stop and restart it freely. Use it with <c>await using var broker = await MosquittoBroker.StartAsync();</c>
/// or as an xunit class fixture.
/// </summary>
public sealed class MosquittoBroker : IAsyncLifetime, IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private static readonly ConcurrentDictionary<Process, bool> Running = new();

    private readonly MosquittoBrokerOptions _options;
    private readonly DirectoryInfo _directory;
    private readonly StringBuilder _log = new();
    private Process? _process;
    private bool _prepared;

    static MosquittoBroker()
    {
        // A test run that ends abruptly must not leave brokers behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Keys)
            {
                TryKill(process);
            }
        };
    }

    /// <summary>Creates a broker with default options (anonymous, no TLS); it starts in <see cref="IAsyncLifetime.InitializeAsync"/>.</summary>
    public MosquittoBroker()
        : this(new MosquittoBrokerOptions())
    {
    }

    /// <summary>Creates a broker with <paramref name="options"/>; call <see cref="RestartAsync"/> or use <see cref="StartAsync"/> to run it.</summary>
    public MosquittoBroker(MosquittoBrokerOptions options)
    {
        _options = options;
        _directory = Directory.CreateTempSubdirectory("chargehub-mosquitto-");
    }

    /// <summary>The address the broker listens on.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The port the broker listens on; it stays the same across <see cref="RestartAsync"/>.</summary>
    public int Port { get; private set; }

    /// <summary>The self-signed certificate the broker serves when <see cref="MosquittoBrokerOptions.UseTls"/>.</summary>
    public X509Certificate2? Certificate { get; private set; }

    /// <summary>Whether the broker process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What the broker has logged so far, for assertion messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts a broker and waits until its port accepts connections.</summary>
    public static async Task<MosquittoBroker> StartAsync(MosquittoBrokerOptions? options = null)
    {
        var broker = new MosquittoBroker(options ?? new MosquittoBrokerOptions());
        try
        {
            await broker.LaunchOnFreePortAsync().ConfigureAwait(false);
            return broker;
        }
        catch
        {
            await broker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Finds <paramref name="name"/> on PATH or in the sbin directories Debian installs daemons to.</summary>
    public static string? FindExecutable(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var candidates = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/local/sbin", "/usr/bin", "/sbin"])
            .Select(directory => Path.Combine(directory, name));
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>Kills the broker (as a crash would: no goodbye to clients) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        TryKill(process);
        using var timeout = new CancellationTokenSource(StartTimeout);
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        Running.TryRemove(process, out _);
        process.Dispose();
    }

    /// <summary>Stops the broker if it runs and starts it again on the same port, with empty state.</summary>
    public async Task RestartAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (Port == 0)
        {
            await LaunchOnFreePortAsync().ConfigureAwait(false);
            return;
        }

        // The old listener can take a moment to release the port.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await LaunchAsync().ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException) when (deadline.Elapsed < StartTimeout)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Kills the broker and deletes its temporary files.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        Certificate?.Dispose();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Temporary files; the OS cleans up eventually.
        }
    }

    Task IAsyncLifetime.InitializeAsync() => LaunchOnFreePortAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private async Task LaunchOnFreePortAsync()
    {
        // Another process may grab the port between our probe and the broker's bind: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = GetFreePort();
            try
            {
                await LaunchAsync().ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
            }
        }
    }

    private async Task LaunchAsync()
    {
        var executable = FindExecutable("mosquitto")
            ?? throw new InvalidOperationException("mosquitto is not installed (apt-get install mosquitto).");
        if (!_prepared)
        {
            await PrepareFilesAsync().ConfigureAwait(false);
            _prepared = true;
        }

        var configPath = Path.Combine(_directory.FullName, "mosquitto.conf");
        await File.WriteAllTextAsync(configPath, BuildConfiguration()).ConfigureAwait(false);
        lock (_log)
        {
            _log.Clear();
        }

        var process = new Process
        {
            StartInfo = new ProcessStartInfo(executable, ["-c", configPath])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            },
        };
        process.OutputDataReceived += (_, e) => AppendLog(e.Data);
        process.ErrorDataReceived += (_, e) => AppendLog(e.Data);
        process.Start();
        Running.TryAdd(process, true);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;

        var waited = Stopwatch.StartNew();
        while (!await AcceptsConnectionsAsync().ConfigureAwait(false))
        {
            if (process.HasExited || waited.Elapsed > StartTimeout)
            {
                await StopAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"mosquitto did not start on port {Port}. Its log:\n{Log}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private string BuildConfiguration()
    {
        var config = new StringBuilder()
            .AppendLine($"listener {Port} {Host}")
            .AppendLine($"allow_anonymous {(_options.Users.Count == 0 ? "true" : "false")}")
            .AppendLine("persistence false")
            .AppendLine("log_dest stderr")
            .AppendLine("log_type error")
            .AppendLine("log_type warning")
            .AppendLine("log_type notice")
            .AppendLine("log_type information")
            .AppendLine("connection_messages true")

            // Started as root, mosquitto would switch to the "mosquitto" user, which cannot read
            // our private temporary directory. Naming the current user keeps it as it is.
            .AppendLine($"user {Environment.UserName}");
        if (_options.Users.Count > 0)
        {
            config.AppendLine($"password_file {Path.Combine(_directory.FullName, "passwords")}");
        }

        if (_options.UseTls)
        {
            config.AppendLine($"certfile {Path.Combine(_directory.FullName, "cert.pem")}")
                .AppendLine($"keyfile {Path.Combine(_directory.FullName, "key.pem")}");
        }

        foreach (var line in _options.AdditionalConfiguration)
        {
            config.AppendLine(line);
        }

        return config.ToString();
    }

    private async Task PrepareFilesAsync()
    {
        var first = true;
        foreach (var (user, password) in _options.Users)
        {
            var tool = FindExecutable("mosquitto_passwd")
                ?? throw new InvalidOperationException("mosquitto_passwd is not installed (it comes with the mosquitto package).");
            var arguments = new List<string>();
            if (first)
            {
                arguments.Add("-c");
            }

            arguments.AddRange(["-b", Path.Combine(_directory.FullName, "passwords"), user, password]);
            using var process = Process.Start(new ProcessStartInfo(tool, arguments)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            var error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
            await process.WaitForExitAsync().ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"mosquitto_passwd failed ({process.ExitCode}): {error}");
            }

            first = false;
        }

        if (_options.UseTls)
        {
            Certificate = await WriteSelfSignedCertificateAsync().ConfigureAwait(false);
        }
    }

    private async Task<X509Certificate2> WriteSelfSignedCertificateAsync()
    {
        // ECDSA rather than RSA: generating an RSA key takes about a second per broker.
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, "cert.pem"), certificate.ExportCertificatePem()).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, "key.pem"), key.ExportPkcs8PrivateKeyPem()).ConfigureAwait(false);
        return certificate;
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private void AppendLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int GetFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void TryKill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}
