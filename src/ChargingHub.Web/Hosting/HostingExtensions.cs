using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Reservations;
using ChargingHub.Domain.Tokens;

namespace ChargingHub.Web.Hosting;

public static class HostingExtensions
{
    /// <summary>Resolves <c>Hub:DataDirectory</c> and creates it; on failure says which key is wrong and stops the start.</summary>
    public static bool TryPrepareDataDirectory(this WebApplicationBuilder builder, out string dataDirectory)
    {
        var configured = builder.Configuration["Hub:DataDirectory"];
        dataDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "./data" : configured);
        try
        {
            Directory.CreateDirectory(dataDirectory);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Console.Error.WriteLine($"Invalid configuration: Hub:DataDirectory '{dataDirectory}' cannot be created or used: {ex.Message}");
            return false;
        }
    }

    /// <summary>Binds every <c>Hub:*</c> section and validates it when the host starts, naming the key of a bad value.</summary>
    public static WebApplicationBuilder AddHubOptions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HubOptions>().BindConfiguration(HubOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OcppEndpointOptions>().BindConfiguration(OcppEndpointOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChargerPolicyOptions>().BindConfiguration(OcppEndpointOptions.Section)
            .Validate(o => Enum.IsDefined(o.UnknownChargers), "Hub:Ocpp:UnknownChargers must be Pending, Accept or Reject.").ValidateOnStart();
        services.AddOptions<TokenPolicyOptions>().BindConfiguration(OcppEndpointOptions.Section)
            .Validate(o => Enum.IsDefined(o.UnknownTokens), "Hub:Ocpp:UnknownTokens must be Reject or Accept.").ValidateOnStart();
        services.AddOptions<ReservationOptions>().BindConfiguration("Hub:Reservations").ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    /// <summary>Starts the hub; a configuration error ends it with exit code 1 and one readable line instead of a stack trace.</summary>
    public static async Task<int> RunHubAsync(this WebApplication app)
    {
        try
        {
            // Checked before the host starts: the host itself would log a failed ValidateOnStart with a stack trace first.
            app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (ConfigurationErrors.Describe(ex) is { } message)
        {
            app.Logger.LogCritical("{Problem}", message);
            await Console.Error.WriteLineAsync(message);
            return 1;
        }
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", (HubReadiness readiness) => readiness.IsReady
                ? Results.Text("ready")
                : Results.Text("starting", statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}

/// <summary>Set once the database is migrated and the OCPP endpoint is listening.</summary>
public sealed class HubReadiness
{
    public bool IsReady { get; private set; }

    public void MarkReady() => IsReady = true;
}
