using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Api;

/// <summary>A bad configuration value stops the hub at start with a message that names the key.</summary>
public sealed class ConfigurationValidationTests
{
    [Theory]
    [InlineData("Hub:Ocpp:CallTimeoutSeconds", "0")]
    [InlineData("Hub:Ocpp:CallTimeoutSeconds", "abc")]
    [InlineData("Hub:Ocpp:UnknownChargers", "Maybe")]
    [InlineData("Hub:Ocpp:UnknownTokens", "Sometimes")]
    [InlineData("Hub:Reservations:MaxDuration", "abc")]
    [InlineData("Hub:Reservations:MaxDuration", "00:00:00")]
    [InlineData("Hub:Security:BootstrapApiKey", "short")]
    public async Task Start_WithInvalidValue_ExitsNonZeroNamingTheKey(string key, string value)
    {
        var (exitCode, output) = await HubProcess.RunToExitAsync(new Dictionary<string, string?> { [key] = value }, TimeSpan.FromSeconds(60));

        Assert.True(exitCode != 0, $"the hub exited with 0:\n{output}");
        Assert.Contains(key, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // one readable line, not a stack trace
    }
}
