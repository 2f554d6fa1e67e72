using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using ChargingHub.Ocpp;
using ChargingHub.Simulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChargingHub.Web.Tests.Support;

/// <summary>
/// The real hub in memory (WebApplicationFactory) on its own SQLite file in a temp directory. WebSockets go through
/// the in-memory test server with real frames. Settings use the configuration keys of the contract.
/// </summary>
public sealed class HubTestHost : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-api-key-0123456789abcdef";
    public const string AdminPassword = "admin-password-for-tests";

    private readonly Dictionary<string, string?> _settings;

    public HubTestHost(IDictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        DataDirectory = dataDirectory ?? TempDirectory.Create();
        _settings = new Dictionary<string, string?>
        {
            ["Hub:DataDirectory"] = DataDirectory,
            ["Hub:Security:BootstrapApiKey"] = ApiKey,
            ["Hub:Security:BootstrapAdminPassword"] = AdminPassword,
            ["Hub:Ocpp:UnknownChargers"] = "Accept",
            ["Hub:Ocpp:CallTimeoutSeconds"] = "2",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>An HTTP client with the test API key.</summary>
    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Opens a raw OCPP WebSocket to <c>/ocpp/{chargerId}</c> offering <paramref name="subprotocols"/>.</summary>
    public async Task<WebSocket> ConnectRawAsync(string chargerId, string[] subprotocols, string? password = null)
    {
        var client = Server.CreateWebSocketClient();
        foreach (var protocol in subprotocols)
        {
            client.SubProtocols.Add(protocol);
        }

        if (password is not null)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{chargerId}:{password}"));
            client.ConfigureRequest = request => request.Headers.Authorization = $"Basic {basic}";
        }

        return await client.ConnectAsync(new Uri(Server.BaseAddress, $"ocpp/{Uri.EscapeDataString(chargerId)}"), CancellationToken.None);
    }

    /// <summary>Connects a simulated charger through the in-memory server (it does not boot yet).</summary>
    public async Task<SimulatedCharger> ConnectChargerAsync(SimulatorOptions options)
    {
        var socket = await ConnectRawAsync(options.ChargerId, [options.Version.Subprotocol()], options.Password);
        var charger = new SimulatedCharger(options);
        charger.Attach(socket);
        return charger;
    }

    /// <summary>Connects, boots and reports statuses; waits until the hub has asked its post-boot questions.</summary>
    public async Task<SimulatedCharger> StartChargerAsync(string chargerId, OcppVersion version = OcppVersion.V16, int connectors = 2,
        bool supportsReservations = true)
    {
        var charger = await ConnectChargerAsync(new SimulatorOptions
        {
            ChargerId = chargerId, Version = version, Connectors = connectors, SupportsReservations = supportsReservations,
        });
        await charger.BootAndReportAsync();
        await charger.Received.WaitForAsync("TriggerMessage");
        return charger;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TempDirectory.TryDelete(DataDirectory);
        }
    }
}

public static class TempDirectory
{
    public static string Create()
    {
        var path = Path.Combine(Path.GetTempPath(), "charginghub-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file may still be held open for a moment by a background writer; the OS temp cleaner takes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
