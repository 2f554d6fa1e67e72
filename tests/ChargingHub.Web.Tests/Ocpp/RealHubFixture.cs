using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Ocpp;

/// <summary>The built hub as a real process (real Kestrel sockets), shared by the tests of a class.</summary>
public sealed class RealHubFixture : IAsyncLifetime
{
    private HubProcess? _hub;

    public HubProcess Hub => _hub ?? throw new InvalidOperationException("The hub is not started.");

    public async Task InitializeAsync() => _hub = await HubProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
            TempDirectory.TryDelete(_hub.DataDirectory);
        }
    }
}
