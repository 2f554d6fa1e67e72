using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Ocpp;

/// <summary>One in-memory hub shared by the tests of a class (xunit class fixtures need a parameterless constructor).</summary>
public abstract class HubFixture(IDictionary<string, string?>? settings = null) : IDisposable
{
    public HubTestHost Hub { get; } = new(settings);

    public void Dispose()
    {
        Hub.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The test defaults: unknown chargers are accepted, unknown tokens rejected.</summary>
public sealed class AcceptingHubFixture() : HubFixture();

public sealed class PendingHubFixture() : HubFixture(new Dictionary<string, string?> { ["Hub:Ocpp:UnknownChargers"] = "Pending" });

public sealed class RejectingHubFixture() : HubFixture(new Dictionary<string, string?> { ["Hub:Ocpp:UnknownChargers"] = "Reject" });

public sealed class AcceptTokensHubFixture() : HubFixture(new Dictionary<string, string?> { ["Hub:Ocpp:UnknownTokens"] = "Accept" });
