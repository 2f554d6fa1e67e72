using ChargingHub.Domain.Ports;
using ChargingHub.Infrastructure.Accounts;
using ChargingHub.Infrastructure.OcppLog;
using ChargingHub.Infrastructure.Scheduling;
using ChargingHub.Infrastructure.Sqlite;
using ChargingHub.Infrastructure.Stores;
using ChargingHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ChargingHub.Infrastructure.Tests;

public sealed class AddHubInfrastructureTests
{
    [Fact]
    public async Task AddHubInfrastructure_HostStarted_DatabaseMigratedAndEveryPortResolved()
    {
        await using var hub = await HubHost.StartAsync();

        Assert.True(File.Exists(Path.Combine(hub.DataDirectory, SqliteDatabase.DefaultFileName)));
        var database = hub.Services.GetRequiredService<SqliteDatabase>();
        var recorded = await database.ReadAsync(s => s.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_migrations"), CancellationToken.None);
        Assert.Equal(DatabaseMigrator.Embedded.Count, recorded);

        Assert.IsType<SqliteChargerStore>(hub.Services.GetRequiredService<IChargerStore>());
        Assert.IsType<SqliteTokenStore>(hub.Services.GetRequiredService<ITokenStore>());
        Assert.IsType<SqliteTransactionStore>(hub.Services.GetRequiredService<ITransactionStore>());
        Assert.IsType<SqliteReservationStore>(hub.Services.GetRequiredService<IReservationStore>());
        Assert.IsType<QuartzReservationExpiryScheduler>(hub.Services.GetRequiredService<IReservationExpiryScheduler>());
        Assert.Same(hub.Services.GetRequiredService<IChargerStore>(), hub.Services.GetRequiredService<SqliteChargerStore>());
        Assert.NotNull(hub.Services.GetRequiredService<MemberStore>());
        Assert.NotNull(hub.Services.GetRequiredService<ApiKeyStore>());
    }

    [Fact]
    public async Task AddHubInfrastructure_HostStarted_OcppLogWriterRuns()
    {
        await using var hub = await HubHost.StartAsync();
        var log = hub.Services.GetRequiredService<OcppMessageLog>();

        log.Append("CP1", OcppMessageDirection.Received, "[2,\"1\",\"Heartbeat\",{}]", TestData.T0);
        await log.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(await log.ListRecentAsync("CP1", 10, CancellationToken.None));
    }

    [Fact]
    public async Task AddHubInfrastructure_TimeProviderRegistered_QuartzSchedulesOnThatClock()
    {
        var dataDirectory = TempDirectory.Create();
        try
        {
            var clock = new ManualTimeProvider();
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(clock);
            services.AddHubInfrastructure(dataDirectory);
            await using var provider = services.BuildServiceProvider();

            var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);

            Assert.Same(clock, scheduler.TimeProvider);
            Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        }
        finally
        {
            TempDirectory.Delete(dataDirectory);
        }
    }

    [Fact]
    public async Task AddHubInfrastructure_NoTimeProviderRegistered_UsesSystemClock()
    {
        var services = new ServiceCollection();
        services.AddHubInfrastructure(Path.Combine(Path.GetTempPath(), $"charginghub-tests-{Guid.NewGuid():N}"));
        await using var provider = services.BuildServiceProvider();

        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Same(TimeProvider.System, scheduler.TimeProvider);
    }
}
