using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Events;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChargingHub.Infrastructure.Tests;

/// <summary>
/// A real host on a temporary data directory: the infrastructure as <c>AddHubInfrastructure</c> registers it,
/// plus what the web host adds (the real <see cref="ReservationService"/> and <see cref="HubEventBus"/>, on
/// <see cref="TimeProvider.System"/>) and a charger gateway that accepts everything.
/// </summary>
internal sealed class HubHost : IAsyncDisposable
{
    private readonly IHost _host;

    private HubHost(string dataDirectory, IHost host)
    {
        DataDirectory = dataDirectory;
        _host = host;
    }

    public string DataDirectory { get; }

    public IServiceProvider Services => _host.Services;

    public ReservationService Reservations => Services.GetRequiredService<ReservationService>();

    public IReservationStore ReservationStore => Services.GetRequiredService<IReservationStore>();

    public static async Task<HubHost> StartAsync()
    {
        var dataDirectory = TempDirectory.Create();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddHubInfrastructure(dataDirectory);
        builder.Services.AddSingleton<IChargerGateway, AcceptingGateway>();
        builder.Services.AddSingleton<HubEventBus>();
        builder.Services.AddSingleton<IHubEventSink>(sp => sp.GetRequiredService<HubEventBus>());
        builder.Services.AddSingleton(Options.Create(new ReservationOptions()));
        builder.Services.AddSingleton<ReservationService>();
        var host = builder.Build();
        await host.StartAsync();
        return new HubHost(dataDirectory, host);
    }

    public Task AddChargerAsync(string chargerId, params int[] connectorIds) =>
        Services.GetRequiredService<IChargerStore>().AddAsync(TestData.Charger(chargerId, connectorIds), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        TempDirectory.Delete(DataDirectory);
    }

    private sealed class AcceptingGateway : IChargerGateway
    {
        public bool IsConnected(string chargerId) => true;

        public Task<ChargerReserveStatus> ReserveNowAsync(string chargerId, int reservationId, ReservationTerms terms, CancellationToken ct) =>
            Task.FromResult(ChargerReserveStatus.Accepted);

        public Task<ChargerCancelStatus> CancelReservationAsync(string chargerId, int reservationId, CancellationToken ct) =>
            Task.FromResult(ChargerCancelStatus.Accepted);
    }
}
