using System.Globalization;
using ChargingHub.Ocpp;
using ChargingHub.Simulator;
using ChargingHub.TestSupport;
using ChargingHub.Web.Tests.Reservations;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Mqtt;

/// <summary>A real Mosquitto broker and the in-memory hub configured for it (contract keys), with the REST API at hand.</summary>
public sealed class MqttHub : IAsyncLifetime
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(2);

    private readonly Dictionary<string, string?> _extraSettings;
    private int _chargers;

    public MqttHub() => _extraSettings = [];

    private MqttHub(Dictionary<string, string?> extraSettings) => _extraSettings = extraSettings;

    public MosquittoBroker Broker { get; private set; } = null!;

    public HubTestHost Host { get; private set; } = null!;

    public ReservationApiClient Api { get; private set; } = null!;

    public static Dictionary<string, string?> Settings(MosquittoBroker broker) => new()
    {
        ["Hub:Mqtt:Host"] = broker.Host,
        ["Hub:Mqtt:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
        ["Hub:Ocpp:UnknownTokens"] = "Accept",
        ["Hub:Reservations:MaxDuration"] = MaxDuration.ToString("c", CultureInfo.InvariantCulture),
    };

    public static async Task<MqttHub> StartAsync(Dictionary<string, string?>? extraSettings = null)
    {
        var hub = new MqttHub(extraSettings ?? []);
        await hub.InitializeAsync();
        return hub;
    }

    public async Task InitializeAsync()
    {
        Broker = await MosquittoBroker.StartAsync();
        var settings = Settings(Broker);
        foreach (var (key, value) in _extraSettings)
        {
            settings[key] = value;
        }

        Host = new HubTestHost(settings);
        Api = new ReservationApiClient(Host.CreateApiClient());
    }

    public string NewChargerId(string name) => $"{name}-{Interlocked.Increment(ref _chargers)}";

    public Task<SimulatedCharger> StartChargerAsync(string name, OcppVersion version = OcppVersion.V16, int connectors = 2) =>
        Host.StartChargerAsync(NewChargerId(name), version, connectors);

    /// <summary>An observer of everything the hub publishes, connected after whatever happened so far (it sees retained state).</summary>
    public Task<MqttObserver> ObserveAsync(params string[] filters) =>
        MqttObserver.ConnectAsync(Broker, filters.Length == 0 ? ["chargehub/#", "homeassistant/#"] : filters);

    /// <summary>Reserves connector <paramref name="connectorId"/> through the REST API and returns the reservation id.</summary>
    public async Task<int> ReserveAsync(string chargerId, int connectorId, string idTag, DateTimeOffset? expiry = null) =>
        (await Api.ReserveAcceptedAsync(new
        {
            chargerId, connectorId, idTag,
            expiryDate = ReservationApiClient.Iso(expiry ?? DateTimeOffset.UtcNow.AddMinutes(30)),
        })).GetProperty("reservationId").GetInt32();

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Host.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
