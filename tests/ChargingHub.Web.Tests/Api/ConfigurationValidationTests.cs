using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Api;

/// <summary>A bad configuration value stops the hub at start with a message that names the key.</summary>
public sealed class ConfigurationValidationTests
{
    private static readonly (string Key, string Value)[] BadValues =
    [
        ("Hub:Ocpp:CallTimeoutSeconds", "0"),
        ("Hub:Ocpp:CallTimeoutSeconds", "abc"),
        ("Hub:Ocpp:UnknownChargers", "Maybe"),
        ("Hub:Ocpp:UnknownTokens", "Sometimes"),
        ("Hub:Reservations:MaxDuration", "abc"),
        ("Hub:Reservations:MaxDuration", "00:00:00"),
        ("Hub:Security:BootstrapApiKey", "short"),
    ];

    [Fact]
    public async Task Start_WithInvalidValue_ExitsNonZeroWithOneLineNamingTheKey()
    {
        // The processes run side by side: each start costs seconds.
        var runs = await Task.WhenAll(BadValues.Select(async bad =>
            (bad.Key, bad.Value, Result: await HubProcess.RunToExitAsync(new Dictionary<string, string?> { [bad.Key] = bad.Value }, TimeSpan.FromSeconds(90)))));

        Assert.All(runs, run =>
        {
            var (exitCode, output) = run.Result;
            Assert.True(exitCode != 0, $"{run.Key}={run.Value}: the hub exited with 0:\n{output}");
            Assert.True(output.Contains(run.Key, StringComparison.Ordinal), $"{run.Key}={run.Value}: the key is not named:\n{output}");
            Assert.True(!output.Contains("   at ", StringComparison.Ordinal), $"{run.Key}={run.Value}: a stack trace instead of one readable line:\n{output}");
        });
    }
}
