using Xunit.Sdk;

namespace ChargingHub.Ocpp.Tests.Contracts;

/// <summary>Proves the schema checks the contract tests rely on do reject bad payloads.</summary>
public sealed class OfficialSchemasTests
{
    [Theory]
    [InlineData("""{"connectorId":1,"idTag":"0000001012951691","timestamp":"2023-12-17T07:48:40.564Z"}""")]
    [InlineData("""{"connectorId":1,"idTag":"0000001012951691","meterStart":1,"timestamp":"yesterday"}""")]
    [InlineData("""{"connectorId":1,"idTag":"012345678901234567890","meterStart":1,"timestamp":"2023-12-17T07:48:40.564Z"}""")]
    [InlineData("""{"connectorId":1,"idTag":"0000001012951691","meterStart":1,"timestamp":"2023-12-17T07:48:40.564Z","connector":2}""")]
    public async Task AssertValidAsync_InvalidV16StartTransaction_Fails(string json)
    {
        await Assert.ThrowsAsync<TrueException>(() => OfficialSchemas.AssertValidAsync(json, OfficialSchemas.V16Request("StartTransaction")));
    }

    [Theory]
    [InlineData("""{"id":1,"expiryDateTime":"2026-03-14T08:45:02Z","connectorType":"s309_1P_16A","idToken":{"idToken":"AABBCCDD","type":"ISO14443"}}""")]
    [InlineData("""{"id":1,"expiryDateTime":"2026-03-14T08:45:02Z","idToken":{"idToken":"AABBCCDD","type":"ISO14443","extra":1}}""")]
    [InlineData("""{"id":1,"expiryDateTime":"2026-03-14T08:45:02Z","idToken":{"idToken":"AABBCCDD"}}""")]
    public async Task AssertValidAsync_InvalidV201ReserveNow_Fails(string json)
    {
        await Assert.ThrowsAsync<TrueException>(() => OfficialSchemas.AssertValidAsync(json, OfficialSchemas.V201Request("ReserveNow")));
    }
}
