using System.Text.Json;
using System.Text.Json.Nodes;
using ChargingHub.Ocpp.V201;

namespace ChargingHub.Ocpp.Tests.Contracts;

public sealed class Ocpp201ContractTests
{
    private static readonly ContractHarness Harness = new(
        typeof(Ocpp201Actions),
        Ocpp201Actions.All,
        Ocpp201Samples.ByAction,
        OfficialSchemas.V201Request,
        OfficialSchemas.V201Response);

    public static TheoryData<string, SampleKind> Samples => ContractHarness.AllCases(Ocpp201Actions.All);

    public static TheoryData<string, bool> Messages => ContractHarness.RequestAndResponseCases(Ocpp201Actions.All);

    // The 2.0.1 enums carry their schema definition names, so each one can be found by name.
    public static TheoryData<Type> Enums => new(
        typeof(Ocpp201Actions).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.IsPublic && t.Namespace == typeof(Ocpp201Actions).Namespace)
            .OrderBy(t => t.Name, StringComparer.Ordinal));

    [Fact]
    public void All_ComparedWithCatalogProperties_ListsEveryActionOnce() =>
        Harness.AssertCatalogIsComplete(
        [
            "BootNotification", "Heartbeat", "StatusNotification", "NotifyEvent", "Authorize", "TransactionEvent",
            "MeterValues", "NotifyReport", "SecurityEventNotification", "FirmwareStatusNotification",
            "LogStatusNotification", "DataTransfer", "ReservationStatusUpdate",
            "ReserveNow", "CancelReservation", "GetVariables", "SetVariables", "GetBaseReport", "TriggerMessage",
            "ChangeAvailability", "RequestStartTransaction", "RequestStopTransaction", "Reset",
        ]);

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Serialize_Sample_MatchesOfficialSchema(string action, SampleKind kind)
    {
        var (json, schema) = Harness.Serialize(action, kind);

        await OfficialSchemas.AssertValidAsync(json, schema);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Serialize_FullSample_SetsEverySchemaField(string action, bool request)
    {
        var (json, schema) = Harness.Serialize(action, request ? SampleKind.FullRequest : SampleKind.FullResponse);

        var coverage = SchemaCoverage.Of(json, schema);

        Assert.Empty(coverage.Missing);
        Assert.Empty(coverage.Unknown);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Serialize_MinimalSample_SetsOnlyRequiredFields(string action, bool request)
    {
        var (json, schema) = Harness.Serialize(action, request ? SampleKind.MinimalRequest : SampleKind.MinimalResponse);

        var coverage = SchemaCoverage.Of(json, schema);

        Assert.Empty(coverage.Optional);
        Assert.Empty(coverage.Unknown);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Deserialize_SerializedSample_ReproducesSameJson(string action, SampleKind kind)
    {
        var (json, _) = Harness.Serialize(action, kind);
        var (_, request, response) = Ocpp201Actions.All.Single(a => a.Name == action);
        var typeInfo = kind.IsRequest() ? request : response;

        var copy = JsonSerializer.Deserialize(json, typeInfo);

        Assert.Equal(json, JsonSerializer.Serialize(copy, typeInfo));
    }

    [Theory]
    [MemberData(nameof(Enums))]
    public void Serialize_EveryEnumValue_MatchesSchemaDefinition(Type enumType)
    {
        var definition = OfficialSchemas.V201Files()
            .Select(f => OfficialSchemas.Load(f)["definitions"]?[enumType.Name])
            .FirstOrDefault(d => d is not null);
        Assert.NotNull(definition);

        var expected = definition["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal);
        var actual = Enum.GetValues(enumType).Cast<object>()
            .Select(v => JsonDocument.Parse(JsonSerializer.Serialize(v, enumType, Ocpp201JsonContext.Default)).RootElement.GetString())
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ConnectorEnumType_EverySchemaSpelling_RoundTripsExactly()
    {
        var spellings = OfficialSchemas.Load(OfficialSchemas.V201Request("ReserveNow"))["definitions"]!["ConnectorEnumType"]!["enum"]!
            .AsArray()
            .Select(v => v!.GetValue<string>())
            .ToList();
        Assert.Contains("s309-1P-16A", spellings);
        Assert.Contains("sCEE-7-7", spellings);

        foreach (var spelling in spellings)
        {
            var json = $$$"""{"id":1,"expiryDateTime":"2026-03-14T08:45:02Z","connectorType":"{{{spelling}}}","idToken":{"idToken":"AABBCCDD","type":"ISO14443"}}""";

            var request = JsonSerializer.Deserialize(json, Ocpp201JsonContext.Default.ReserveNowRequest)!;

            Assert.NotNull(request.ConnectorType);
            Assert.True(Enum.IsDefined(request.ConnectorType.Value));
            Assert.Equal(spelling, JsonNode.Parse(JsonSerializer.Serialize(request, Ocpp201JsonContext.Default.ReserveNowRequest))!["connectorType"]!.GetValue<string>());
        }

        Assert.Equal(spellings.Count, Enum.GetValues<ConnectorEnumType>().Length);
        Assert.Equal(ConnectorEnumType.s309_3P_32A, JsonSerializer.Deserialize("\"s309-3P-32A\"", Ocpp201JsonContext.Default.ConnectorEnumType));
    }
}
