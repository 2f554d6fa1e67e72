namespace ChargingHub.Web.Ui;

/// <summary>The household web UI: registration of its services and endpoints.</summary>
public static class UiRegistration
{
    public static IServiceCollection AddHubUi(this IServiceCollection services) => services;

    public static WebApplication MapHubUi(this WebApplication app) => app;
}
