using ChargingHub.Infrastructure;
using ChargingHub.Web.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.ResponseCompression;

namespace ChargingHub.Web.Ui;

/// <summary>The household web UI: registration of its services and endpoints.</summary>
public static class UiRegistration
{
    private const string ReloadStaticAssetsKey = "ReloadStaticAssetsAtRuntime";

    public static IServiceCollection AddHubUi(this IServiceCollection services)
    {
        // Static server rendering only: no interactive render modes (see docs/decisions/ADR-002).
        services.AddRazorComponents();

        // Session cookies and antiforgery tokens are encrypted with keys kept in the data directory, so signed-in
        // phones stay signed in across restarts and updates.
        services.AddDataProtection().SetApplicationName("ChargingHub");
        services.AddOptions<KeyManagementOptions>().Configure<HubInfrastructureOptions, ILoggerFactory>((keys, storage, loggers) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(storage.DataDirectory, "keys")), loggers));

        // HTML is compressed on the fly; static files are precompressed at build and served by MapStaticAssets.
        // Not over HTTPS: pages carry antiforgery tokens next to echoed input (BREACH).
        services.AddResponseCompression(compression =>
        {
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
        });

        services.AddUiAuthentication();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<SignInCheck>();
        services.AddSingleton<PeopleDirectory>();
        services.AddSingleton<BoardQueries>();
        return services;
    }

    public static WebApplication MapHubUi(this WebApplication app)
    {
        app.UseWhen(context => IsUiRequest(context.Request.Path), ui => ui.UseResponseCompression());
        app.UseAntiforgery();

        // Run from a build output (tests, `dotnet run` outside Development) the files live in wwwroot and obj/, listed by
        // the build's static web assets manifest; a published hub has them in its own wwwroot and no such manifest.
        // Outside Development the files are also served as built: precompressed, fingerprinted URLs cached for good
        // (the framework's default for a build output re-reads them, uncompressed, to follow edits).
        if (!app.Environment.IsDevelopment())
        {
            StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, app.Configuration);
            app.Configuration[ReloadStaticAssetsKey] ??= "false";
        }

        app.MapStaticAssets();
        app.MapRazorComponents<App>().RequireAuthorization(UiAuthentication.MemberPolicy);
        app.MapUiEndpoints();
        return app;
    }

    /// <summary>The API and the OCPP endpoint answer as they always did; compression is for pages.</summary>
    private static bool IsUiRequest(PathString path) =>
        !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/ocpp", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/board/events", StringComparison.OrdinalIgnoreCase);
}
