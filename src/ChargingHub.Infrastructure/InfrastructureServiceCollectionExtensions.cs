using ChargingHub.Domain.Ports;
using ChargingHub.Infrastructure.Accounts;
using ChargingHub.Infrastructure.OcppLog;
using ChargingHub.Infrastructure.Scheduling;
using ChargingHub.Infrastructure.Sqlite;
using ChargingHub.Infrastructure.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace ChargingHub.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <inheritdoc cref="AddHubInfrastructure(IServiceCollection, HubInfrastructureOptions)"/>
    public static IServiceCollection AddHubInfrastructure(this IServiceCollection services, string dataDirectory) =>
        services.AddHubInfrastructure(new HubInfrastructureOptions { DataDirectory = dataDirectory });

    /// <summary>
    /// SQLite persistence (the domain's stores, members, API keys, the OCPP frame log), its migrations at
    /// start-up, and reservation expiry on Quartz. Everything is a singleton. The host registers
    /// <c>ReservationService</c> (the expiry job resolves it when an expiry is due) and calls its
    /// <c>RecoverAsync</c> at start-up; a <see cref="TimeProvider"/> it registers is used by the stores'
    /// callers and by Quartz alike, <see cref="TimeProvider.System"/> otherwise.
    /// </summary>
    public static IServiceCollection AddHubInfrastructure(this IServiceCollection services, HubInfrastructureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataDirectory);

        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton(options);
        services.AddSingleton(options.OcppLog);
        services.AddSingleton(_ => new SqliteDatabase(options.DatabasePath));
        services.AddSingleton<DatabaseMigrator>();

        services.AddSingleton<SqliteChargerStore>();
        services.AddSingleton<IChargerStore>(sp => sp.GetRequiredService<SqliteChargerStore>());
        services.AddSingleton<SqliteTokenStore>();
        services.AddSingleton<ITokenStore>(sp => sp.GetRequiredService<SqliteTokenStore>());
        services.AddSingleton<SqliteTransactionStore>();
        services.AddSingleton<ITransactionStore>(sp => sp.GetRequiredService<SqliteTransactionStore>());
        services.AddSingleton<SqliteReservationStore>();
        services.AddSingleton<IReservationStore>(sp => sp.GetRequiredService<SqliteReservationStore>());
        services.AddSingleton<MemberStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<OcppMessageLog>();

        // Before Quartz's hosted service: started first (the schema exists before anything runs), stopped last.
        services.AddHostedService<StorageHostedService>();

        services.AddSingleton<QuartzReservationExpiryScheduler>();
        services.AddSingleton<IReservationExpiryScheduler>(sp => sp.GetRequiredService<QuartzReservationExpiryScheduler>());

        // Quartz takes its clock from the container (the TimeProvider above), so jobs fire on the hub's clock.
        services.AddQuartz(quartz =>
        {
            // In memory on purpose; see QuartzReservationExpiryScheduler.
            quartz.UseInMemoryStore(_ => { });
            quartz.UseDefaultThreadPool(options.ExpiryConcurrency);

            // Reservations often end on the same round time (18:00): take every trigger already due, up to
            // the pool's size, in one acquisition instead of one scheduler round each. The window stays zero,
            // so nothing fires early.
            quartz.ConfigureScheduler(scheduler => scheduler.MaxBatchSize = options.ExpiryConcurrency);
            quartz.AddJobType<ReservationExpiryJob>();
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }
}
