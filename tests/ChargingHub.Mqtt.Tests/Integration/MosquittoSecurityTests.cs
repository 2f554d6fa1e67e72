using ChargingHub.Mqtt.Tests.Support;
using ChargingHub.TestSupport;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ChargingHub.Mqtt.Tests.Integration;

/// <summary>Credentials and TLS against a real Mosquitto.</summary>
public sealed class MosquittoSecurityTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly MosquittoClientFactory _clients = new(output);

    [Fact]
    public async Task Credentials_Correct_ConnectsAndExchangesMessages()
    {
        await using var broker = await MosquittoBroker.StartAsync(new() { Users = new Dictionary<string, string> { ["hub"] = "s3cret" } });

        var client = await _clients.ConnectAsync(broker, "hub", o => (o.Username, o.Password) = ("hub", "s3cret"));
        await client.SubscribeAsync("echo", MqttQos.AtLeastOnce, CancellationToken.None);
        client.Publish("echo", "hello");

        Assert.Equal("hello", (await client.NextOnAsync("echo")).GetPayloadAsString());
    }

    [Theory]
    [InlineData("hub", "wrong")]
    [InlineData(null, null)]
    public async Task Credentials_WrongOrMissing_RefusedWithReadableReason(string? username, string? password)
    {
        await using var broker = await MosquittoBroker.StartAsync(new() { Users = new Dictionary<string, string> { ["hub"] = "s3cret" } });
        var client = _clients.Create(broker, "intruder", o => (o.Username, o.Password) = (username, password));

        await client.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(
            () => _clients.Logger.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("refused the connection with return code", StringComparison.Ordinal)),
            "the refusal is logged");
        Assert.False(client.IsConnected);
        Assert.Contains(_clients.Logger.Entries, e => e.Message.Contains("not authorized", StringComparison.Ordinal) || e.Message.Contains("bad user name or password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tls_SelfSignedCertificateAllowed_ConnectsAndExchangesMessages()
    {
        await using var broker = await MosquittoBroker.StartAsync(new() { UseTls = true });

        var client = await _clients.ConnectAsync(broker, "tls", o =>
        {
            o.UseTls = true;
            o.AllowUntrustedCertificates = true;
            o.TlsTargetHost = "localhost";
        });
        await client.SubscribeAsync("secure", MqttQos.AtLeastOnce, CancellationToken.None);
        client.Publish("secure", "over tls");

        Assert.Equal("over tls", (await client.NextOnAsync("secure")).GetPayloadAsString());
    }

    [Fact]
    public async Task Tls_UntrustedCertificateNotAllowed_NeverConnects()
    {
        await using var broker = await MosquittoBroker.StartAsync(new() { UseTls = true });
        var client = _clients.Create(broker, "strict", o => o.UseTls = true);

        await client.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(
            () => _clients.Logger.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("failed or was lost", StringComparison.Ordinal)),
            "the TLS failure is logged");
        Assert.False(client.IsConnected);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _clients.DisposeAsync().AsTask();
}
