using System.Text.Json;
using ChargingHub.Ocpp.V16;

namespace ChargingHub.Ocpp.Tests.Contracts;

public sealed class Ocpp16ContractTests
{
    private static readonly ContractHarness Harness = new(
        typeof(Ocpp16Actions),
        Ocpp16Actions.All,
        Ocpp16Samples.ByAction,
        OfficialSchemas.V16Request,
        OfficialSchemas.V16Response);

    public static TheoryData<string, SampleKind> Samples => ContractHarness.AllCases(Ocpp16Actions.All);

    public static TheoryData<string, bool> Messages => ContractHarness.RequestAndResponseCases(Ocpp16Actions.All);

    // Each enum and where the 1.6 schemas define its values (1.6 schemas inline every enum).
    public static TheoryData<Type, string, string> Enums => new()
    {
        { typeof(RegistrationStatus), "BootNotificationResponse.json", "status" },
        { typeof(ChargePointErrorCode), "StatusNotification.json", "errorCode" },
        { typeof(ChargePointStatus), "StatusNotification.json", "status" },
        { typeof(AuthorizationStatus), "AuthorizeResponse.json", "idTagInfo.status" },
        { typeof(Reason), "StopTransaction.json", "reason" },
        { typeof(DataTransferStatus), "DataTransferResponse.json", "status" },
        { typeof(DiagnosticsStatus), "DiagnosticsStatusNotification.json", "status" },
        { typeof(FirmwareStatus), "FirmwareStatusNotification.json", "status" },
        { typeof(ReservationStatus), "ReserveNowResponse.json", "status" },
        { typeof(CancelReservationStatus), "CancelReservationResponse.json", "status" },
        { typeof(ConfigurationStatus), "ChangeConfigurationResponse.json", "status" },
        { typeof(MessageTrigger), "TriggerMessage.json", "requestedMessage" },
        { typeof(TriggerMessageStatus), "TriggerMessageResponse.json", "status" },
        { typeof(AvailabilityType), "ChangeAvailability.json", "type" },
        { typeof(AvailabilityStatus), "ChangeAvailabilityResponse.json", "status" },
        { typeof(RemoteStartStopStatus), "RemoteStopTransactionResponse.json", "status" },
        { typeof(ResetType), "Reset.json", "type" },
        { typeof(ResetStatus), "ResetResponse.json", "status" },
        { typeof(ChargingProfilePurposeType), "RemoteStartTransaction.json", "chargingProfile.chargingProfilePurpose" },
        { typeof(ChargingProfileKindType), "RemoteStartTransaction.json", "chargingProfile.chargingProfileKind" },
        { typeof(RecurrencyKindType), "RemoteStartTransaction.json", "chargingProfile.recurrencyKind" },
        { typeof(ChargingRateUnitType), "RemoteStartTransaction.json", "chargingProfile.chargingSchedule.chargingRateUnit" },
    };

    [Fact]
    public void All_ComparedWithCatalogProperties_ListsEveryActionOnce() =>
        Harness.AssertCatalogIsComplete(
        [
            "BootNotification", "Heartbeat", "StatusNotification", "Authorize", "StartTransaction", "StopTransaction",
            "MeterValues", "DataTransfer", "DiagnosticsStatusNotification", "FirmwareStatusNotification",
            "ReserveNow", "CancelReservation", "GetConfiguration", "ChangeConfiguration", "TriggerMessage",
            "ChangeAvailability", "RemoteStartTransaction", "RemoteStopTransaction", "Reset",
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
        var (_, request, response) = Ocpp16Actions.All.Single(a => a.Name == action);
        var typeInfo = kind.IsRequest() ? request : response;

        var copy = JsonSerializer.Deserialize(json, typeInfo);

        Assert.Equal(json, JsonSerializer.Serialize(copy, typeInfo));
    }

    [Fact]
    public void Enums_TableBelow_CoversEveryV16Enum()
    {
        var declared = typeof(Ocpp16Actions).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.IsPublic && t.Namespace == typeof(Ocpp16Actions).Namespace)
            .Select(t => t.Name)
            .Order();

        Assert.Equal(declared, Enums.Select(row => ((Type)row[0]).Name).Order());
    }

    [Theory]
    [MemberData(nameof(Enums))]
    public void Serialize_EveryEnumValue_MatchesSchemaEnum(Type enumType, string schemaFile, string propertyPath)
    {
        var node = OfficialSchemas.Load(OfficialSchemas.V16Request(Path.GetFileNameWithoutExtension(schemaFile)));
        foreach (var name in propertyPath.Split('.'))
        {
            node = node["properties"]![name]!.AsObject();
        }

        var expected = node["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Order(StringComparer.Ordinal);
        var actual = Enum.GetValues(enumType).Cast<object>()
            .Select(v => JsonDocument.Parse(JsonSerializer.Serialize(v, enumType, Ocpp16JsonContext.Default)).RootElement.GetString())
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }
}
