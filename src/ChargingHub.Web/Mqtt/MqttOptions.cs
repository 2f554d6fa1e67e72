using ChargingHub.Infrastructure.HomeAssistant;
using ChargingHub.Mqtt;
using Microsoft.Extensions.Options;

namespace ChargingHub.Web.Mqtt;

/// <summary>Configuration section <c>Hub:Mqtt</c>. MQTT is off while <see cref="Host"/> is empty.</summary>
public sealed class MqttOptions
{
    public const string Section = "Hub:Mqtt";

    /// <summary>The broker's host name or address.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 1883;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Connect with TLS, checking the broker's certificate against the system's trusted roots.</summary>
    public bool UseTls { get; set; }

    /// <summary>Root of every topic the hub publishes.</summary>
    public string BaseTopic { get; set; } = "chargehub";

    /// <summary>Home Assistant's MQTT discovery prefix.</summary>
    public string DiscoveryPrefix { get; set; } = "homeassistant";

    /// <summary>Whether reserve/cancel commands over MQTT are obeyed.</summary>
    public bool AcceptCommands { get; set; } = true;

    public HomeAssistantSettings ToSettings() => new(BaseTopic, DiscoveryPrefix, AcceptCommands);

    public MqttClientOptions ToClientOptions() => new()
    {
        Host = Host!.Trim(),
        Port = Port,
        Username = string.IsNullOrEmpty(Username) ? null : Username,
        Password = string.IsNullOrEmpty(Username) || string.IsNullOrEmpty(Password) ? null : Password,
        UseTls = UseTls,

        // Stable per base topic: a restarted hub takes over its old session at once instead of waiting for the
        // broker to time the dead one out (whose will would then mark the running hub offline).
        ClientId = "charginghub-" + BaseTopic.Replace('/', '-'),
        Will = new MqttWill(BaseTopic + "/status", "offline", MqttQos.AtLeastOnce, Retain: true),
    };
}

/// <summary>Checks <c>Hub:Mqtt</c> when the hub starts; each failure names its key.</summary>
public sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add("Hub:Mqtt:Port must be a port number from 1 to 65535.");
        }

        if (TopicPrefixError(options.BaseTopic) is { } baseError)
        {
            failures.Add($"Hub:Mqtt:BaseTopic {baseError}");
        }

        if (TopicPrefixError(options.DiscoveryPrefix) is { } prefixError)
        {
            failures.Add($"Hub:Mqtt:DiscoveryPrefix {prefixError}");
        }

        if (options.BaseTopic == options.DiscoveryPrefix)
        {
            failures.Add($"Hub:Mqtt:BaseTopic must differ from Hub:Mqtt:DiscoveryPrefix (both would use '{options.BaseTopic}/status').");
        }

        if (!string.IsNullOrEmpty(options.Password) && string.IsNullOrEmpty(options.Username))
        {
            failures.Add("Hub:Mqtt:Password needs Hub:Mqtt:Username: MQTT 3.1.1 sends a password only with a user name.");
        }

        if (failures.Count == 0)
        {
            try
            {
                options.ToClientOptions().Validate();
            }
            catch (ArgumentException ex)
            {
                failures.Add($"Hub:Mqtt:{ex.ParamName} is not usable: {ex.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Null when <paramref name="prefix"/> is one or more topic levels a topic can start with; otherwise what is wrong.</summary>
    public static string? TopicPrefixError(string? prefix)
    {
        const string Rule = "must be one or more MQTT topic levels separated by '/' (e.g. 'chargehub' or 'home/chargehub'): " +
            "no wildcards (+ #), no empty level, no leading '$'";
        if (string.IsNullOrWhiteSpace(prefix))
        {
            return $"{Rule}; it is empty.";
        }

        if (prefix.AsSpan().IndexOfAny('+', '#') >= 0 || prefix.StartsWith('$') || prefix.Split('/').Any(level => level.Length == 0)
            || prefix.Length > 200 || !MqttTopic.IsValidTopicName(prefix + "/status"))
        {
            return $"{Rule}; '{prefix}' is not.";
        }

        return null;
    }
}
