using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Events;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;
using ChargingHub.Domain.Tokens;
using ChargingHub.Web.Api;
using ChargingHub.Web.Ocpp;
using ChargingHub.Web.Security;

namespace ChargingHub.Web.Hosting;

/// <summary>One registration method per area of the hub.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddHubDomain(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<HubEventBus>();
        services.AddSingleton<IHubEventSink>(sp => sp.GetRequiredService<HubEventBus>());
        services.AddSingleton<ReservationService>();
        services.AddSingleton<ChargerService>();
        services.AddSingleton<TokenAuthorizer>();
        services.AddSingleton<HubReadiness>();
        return services;
    }

    public static IServiceCollection AddOcppCentralSystem(this IServiceCollection services)
    {
        services.AddSingleton<ChargerConnectionRegistry>();
        services.AddSingleton<ChargerGateway>();
        services.AddSingleton<IChargerGateway>(sp => sp.GetRequiredService<ChargerGateway>());
        services.AddSingleton<ChargerSetup>();
        services.AddSingleton<ChargerAdministration>();
        services.AddSingleton<OcppHubServices>();
        services.AddSingleton<OcppEndpoint>();
        services.AddHostedService<HubStartup>();
        return services;
    }

    public static IServiceCollection AddHubApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();

        // Outside Development a body that does not bind (e.g. "connectorId": "one") would otherwise get a bare 400
        // without a body; thrown, it reaches ApiExceptionHandler and becomes a problem with a detail, as the contract says.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.Converters.Add(new UtcDateTimeOffsetConverter());
        });
        services.AddOpenApi();
        services.AddSingleton<ChargerViews>();
        services.AddSingleton<MemberPasswords>();
        services.AddHostedService<AdminBootstrap>();
        services.AddHubAuthentication();
        return services;
    }

    public static WebApplication UseHubApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// <c>/ocpp/{chargePointId}</c>, branched off before the API and UI middleware: a charger's request stays open
    /// for as long as it is connected, and whatever the request passed through stays in memory with it. The
    /// endpoint authenticates chargers itself (Basic auth against the charger's password hash).
    /// </summary>
    public static WebApplication MapOcppEndpoint(this WebApplication app)
    {
        // A singleton, taken once: resolving it per request would give each open request a service scope.
        var endpoint = app.Services.GetRequiredService<OcppEndpoint>();
        app.MapWhen(context => context.Request.Path.StartsWithSegments("/ocpp"), ocpp =>
        {
            ocpp.UseWebSockets();
            ocpp.Run(context =>
            {
                context.Request.Path.StartsWithSegments("/ocpp", out var rest);
                // As the route "/ocpp/{chargePointId}" did: one segment, a trailing slash allowed.
                var chargePointId = rest.HasValue ? rest.Value![1..].TrimEnd('/') : "";
                if (chargePointId.Length == 0 || chargePointId.Contains('/', StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                return endpoint.HandleAsync(context, chargePointId);
            });
        });
        return app;
    }

    public static WebApplication MapHubApi(this WebApplication app)
    {
        app.MapOpenApi("/api/openapi.json").AllowAnonymous();
        var api = app.MapGroup("/api").RequireAuthorization(HubPolicies.Api);
        api.MapChargerApi();
        api.MapTokenApi();
        api.MapReservationApi();
        api.MapDiagnosticsApi();
        app.MapFallback("/api/{**rest}", () => Results.Problem(detail: "There is no such API call; see /api/openapi.json.", statusCode: 404))
            .RequireAuthorization(HubPolicies.Api);
        return app;
    }
}

/// <summary>After the database is migrated: restores reservation expiry from the database, then reports ready.</summary>
public sealed class HubStartup(ReservationService reservations, HubReadiness readiness) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await reservations.RecoverAsync(cancellationToken);
        readiness.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class PersistenceRegistration
{
    public static IServiceCollection AddHubPersistence(this IServiceCollection services, string dataDirectory) =>
        ChargingHub.Infrastructure.InfrastructureServiceCollectionExtensions.AddHubInfrastructure(services, dataDirectory);
}
