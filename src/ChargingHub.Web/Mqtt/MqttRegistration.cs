using ChargingHub.Infrastructure.HomeAssistant;
using ChargingHub.Mqtt;
using ChargingHub.Web.Mqtt;
using Microsoft.Extensions.Options;

// In the hosting namespace with the other Add<Area> methods, so Program.cs calls it without another using.
namespace ChargingHub.Web.Hosting;

public static class MqttRegistration
{
    /// <summary>
    /// The MQTT connection with Home Assistant discovery and commands (docs/mqtt.md), when <c>Hub:Mqtt:Host</c> is set;
    /// otherwise nothing is registered and nothing starts. <c>Hub:Mqtt</c> is validated when the host starts.
    /// </summary>
    public static IServiceCollection AddHubMqtt(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[$"{MqttOptions.Section}:Host"]))
        {
            return services;
        }

        services.AddOptions<MqttOptions>().BindConfiguration(MqttOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<MqttOptions>>().Value.ToSettings());
        services.AddSingleton(sp => new MqttClient(
            sp.GetRequiredService<IOptions<MqttOptions>>().Value.ToClientOptions(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<MqttClient>>()));
        services.AddSingleton<ReservationHolderNames>();
        services.AddSingleton<MqttCommandHandler>();
        services.AddHostedService<HomeAssistantBridge>();
        return services;
    }
}
