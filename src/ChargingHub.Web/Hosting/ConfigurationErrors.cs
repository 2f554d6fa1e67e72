using Microsoft.Extensions.Options;

namespace ChargingHub.Web.Hosting;

/// <summary>Turns a bad configuration value into one line that names the key, instead of a stack trace.</summary>
public static class ConfigurationErrors
{
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException validation => "Invalid configuration: " + string.Join(" ", validation.Failures),
        InvalidOperationException { Message: var message } when message.Contains("configuration value", StringComparison.OrdinalIgnoreCase)
            => "Invalid configuration: " + message,
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0 => Describe(aggregate.InnerExceptions[0]),
        _ when exception.InnerException is { } inner => Describe(inner),
        _ => null,
    };
}
