using System.Net;
using ChargingHub.Ocpp;
using ChargingHub.Web.Tests.Ocpp;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Api;

public sealed class DiagnosticsApiTests(AcceptingHubFixture fixture) : IClassFixture<AcceptingHubFixture>
{
    private HubTestHost Hub => fixture.Hub;

    [Fact]
    public async Task Get_WithAChargerConnected_CountsItAndReportsMemory()
    {
        var api = Hub.CreateApiClient();
        await using var charger = await Hub.StartChargerAsync(OcppTesting.NewChargerId("DIAG"), OcppVersion.V16, connectors: 1);

        var data = (await api.GetJsonAsync("/api/diagnostics")).GetProperty("data");

        Assert.True(data.GetProperty("connectedChargers").GetInt32() >= 1);
        Assert.True(data.GetProperty("managedHeapBytes").GetInt64() > 0);
        Assert.True(data.GetProperty("workingSetBytes").GetInt64() > 0);
        Assert.True(data.GetProperty("totalAllocatedBytes").GetInt64() >= data.GetProperty("managedHeapBytes").GetInt64());
    }

    [Fact]
    public async Task Get_WithoutCollection_StillAnswers()
    {
        var api = Hub.CreateApiClient();

        var data = (await api.GetJsonAsync("/api/diagnostics?collect=false")).GetProperty("data");

        Assert.True(data.GetProperty("gen0Collections").GetInt32() >= 0);
    }

    [Fact]
    public async Task Get_WithoutApiKey_Is401()
    {
        using var client = Hub.CreateClient();

        var response = await client.GetAsync("/api/diagnostics");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
