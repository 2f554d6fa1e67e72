using System.Text.Json;

namespace ChargingHub.Ocpp.Tests.Validation;

public sealed class OcppSchemaValidatorTests
{
    private static readonly OcppSchemaValidator Validator = OcppSchemaValidator.Default;

    [Fact]
    public void Default_LoadsEveryEmbeddedSchema()
    {
        // 28 core 1.6 actions + 11 from the 1.6 security whitepaper; 64 actions in 2.0.1.
        Assert.Equal(39, Validator.GetActions(OcppVersion.V16, OcppPayloadKind.Request).Count);
        Assert.Equal(39, Validator.GetActions(OcppVersion.V16, OcppPayloadKind.Response).Count);
        Assert.Equal(64, Validator.GetActions(OcppVersion.V201, OcppPayloadKind.Request).Count);
        Assert.Equal(64, Validator.GetActions(OcppVersion.V201, OcppPayloadKind.Response).Count);
        Assert.Same(Validator, OcppSchemaValidator.Default);
    }

    [Theory]
    [InlineData(OcppVersion.V16, "BootNotification", true)]
    [InlineData(OcppVersion.V16, "SignCertificate", true)]
    [InlineData(OcppVersion.V16, "TransactionEvent", false)]
    [InlineData(OcppVersion.V201, "TransactionEvent", true)]
    [InlineData(OcppVersion.V201, "StartTransaction", false)]
    [InlineData(OcppVersion.V201, "BootNotificationRequest", false)]
    [InlineData(OcppVersion.V16, "BootNotificationResponse", false)]
    [InlineData(OcppVersion.V16, "bootnotification", false)]
    public void HasSchema_KnownAndUnknownActions_Answers(OcppVersion version, string action, bool expected)
    {
        Assert.Equal(expected, Validator.HasSchema(version, action, OcppPayloadKind.Request));
        Assert.Equal(expected, Validator.HasSchema(version, action, OcppPayloadKind.Response));
    }

    [Theory]
    [InlineData(OcppVersion.V16, "Heartbeat", OcppPayloadKind.Request, "{}")]
    [InlineData(OcppVersion.V16, "BootNotification", OcppPayloadKind.Request, """{"chargePointVendor":"VendorX","chargePointModel":"SingleSocketCharger"}""")]
    [InlineData(OcppVersion.V16, "BootNotification", OcppPayloadKind.Response, """{"status":"Accepted","currentTime":"2013-02-01T20:53:32.486Z","interval":300}""")]
    [InlineData(OcppVersion.V16, "MeterValues", OcppPayloadKind.Request, """{"connectorId":1,"transactionId":7,"meterValue":[{"timestamp":"2026-01-01T12:00:00+01:00","sampledValue":[{"value":"1234.5","measurand":"Energy.Active.Import.Register","unit":"Wh"}]}]}""")]
    [InlineData(OcppVersion.V16, "SetChargingProfile", OcppPayloadKind.Request, """{"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.3}]}}}""")]
    [InlineData(OcppVersion.V201, "BootNotification", OcppPayloadKind.Request, """{"reason":"PowerUp","chargingStation":{"model":"SingleSocketCharger","vendorName":"VendorX"}}""")]
    [InlineData(OcppVersion.V201, "TransactionEvent", OcppPayloadKind.Request, """{"eventType":"Started","timestamp":"2026-01-01T12:00:00Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"tx-1"},"idToken":{"idToken":"ABC","type":"ISO14443"},"evse":{"id":1,"connectorId":1}}""")]
    [InlineData(OcppVersion.V201, "Heartbeat", OcppPayloadKind.Response, """{"currentTime":"2026-01-01T12:00:00.123456Z","customData":{"vendorId":"x","anything":true}}""")]
    public void Validate_ValidPayload_ReturnsNull(OcppVersion version, string action, OcppPayloadKind kind, string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Null(Validator.Validate(version, action, kind, document.RootElement));
    }

    [Theory]
    [InlineData(OcppVersion.V16, "BootNotification", """{"chargePointVendor":"VendorX"}""", "required", RpcErrorCode.OccurrenceConstraintViolation, "$.chargePointModel")]
    [InlineData(OcppVersion.V16, "BootNotification", """{"chargePointVendor":"VendorX","chargePointModel":"M","colour":"red"}""", "additionalProperties", RpcErrorCode.PropertyConstraintViolation, "$.colour")]
    [InlineData(OcppVersion.V16, "BootNotification", """{"chargePointVendor":1,"chargePointModel":"M"}""", "type", RpcErrorCode.TypeConstraintViolation, "$.chargePointVendor")]
    [InlineData(OcppVersion.V16, "BootNotification", """{"chargePointVendor":"VendorX-with-a-name-that-is-longer-than-fifty-characters","chargePointModel":"M"}""", "maxLength", RpcErrorCode.FormatViolation, "$.chargePointVendor")]
    [InlineData(OcppVersion.V16, "StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Sleeping"}""", "enum", RpcErrorCode.PropertyConstraintViolation, "$.status")]
    [InlineData(OcppVersion.V16, "StatusNotification", """{"connectorId":1.5,"errorCode":"NoError","status":"Available"}""", "type", RpcErrorCode.TypeConstraintViolation, "$.connectorId")]
    [InlineData(OcppVersion.V16, "StatusNotification", """{"connectorId":"1","errorCode":"NoError","status":"Available"}""", "type", RpcErrorCode.TypeConstraintViolation, "$.connectorId")]
    [InlineData(OcppVersion.V16, "StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"yesterday"}""", "format", RpcErrorCode.FormatViolation, "$.timestamp")]
    [InlineData(OcppVersion.V16, "StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"2026-01-01T12:00:00"}""", "format", RpcErrorCode.FormatViolation, "$.timestamp")]
    [InlineData(OcppVersion.V16, "UpdateFirmware", """{"location":"not a uri","retrieveDate":"2026-01-01T12:00:00Z"}""", "format", RpcErrorCode.FormatViolation, "$.location")]
    [InlineData(OcppVersion.V16, "UpdateFirmware", """{"location":"/firmware.bin","retrieveDate":"2026-01-01T12:00:00Z"}""", "format", RpcErrorCode.FormatViolation, "$.location")]
    [InlineData(OcppVersion.V16, "MeterValues", """{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T12:00:00Z","sampledValue":[{"value":"1","unit":"Parsec"}]}]}""", "enum", RpcErrorCode.PropertyConstraintViolation, "$.meterValue[0].sampledValue[0].unit")]
    [InlineData(OcppVersion.V16, "MeterValues", """{"connectorId":1,"meterValue":{}}""", "type", RpcErrorCode.TypeConstraintViolation, "$.meterValue")]
    [InlineData(OcppVersion.V16, "SetChargingProfile", """{"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.35}]}}}""", "multipleOf", RpcErrorCode.OccurrenceConstraintViolation, "$.csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit")]
    [InlineData(OcppVersion.V16, "GetInstalledCertificateIds", """{"certificateType":"CentralSystemRootCertificate","x":1}""", "additionalProperties", RpcErrorCode.PropertyConstraintViolation, "$.x")]
    [InlineData(OcppVersion.V16, "Heartbeat", """{"foo":1}""", "additionalProperties", RpcErrorCode.PropertyConstraintViolation, "$.foo")]
    [InlineData(OcppVersion.V16, "Heartbeat", """[]""", "type", RpcErrorCode.TypeConstraintViolation, "$")]
    [InlineData(OcppVersion.V201, "BootNotification", """{"reason":"PowerUp","chargingStation":{"vendorName":"VendorX"}}""", "required", RpcErrorCode.OccurrenceConstraintViolation, "$.chargingStation.model")]
    [InlineData(OcppVersion.V201, "BootNotification", """{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V","modem":{"iccid":"0123456789012345678901"}}}""", "maxLength", RpcErrorCode.FormatViolation, "$.chargingStation.modem.iccid")]
    [InlineData(OcppVersion.V201, "NotifyEVChargingNeeds", """{"evseId":1,"chargingNeeds":{"requestedEnergyTransfer":"DC","dcChargingParameters":{"evMaxCurrent":1,"evMaxVoltage":1,"stateOfCharge":101}}}""", "maximum", RpcErrorCode.FormatViolation, "$.chargingNeeds.dcChargingParameters.stateOfCharge")]
    [InlineData(OcppVersion.V201, "NotifyEVChargingNeeds", """{"evseId":1,"chargingNeeds":{"requestedEnergyTransfer":"DC","dcChargingParameters":{"evMaxCurrent":1,"evMaxVoltage":1,"stateOfCharge":-1}}}""", "minimum", RpcErrorCode.FormatViolation, "$.chargingNeeds.dcChargingParameters.stateOfCharge")]
    [InlineData(OcppVersion.V201, "GetVariables", """{"getVariableData":[]}""", "minItems", RpcErrorCode.OccurrenceConstraintViolation, "$.getVariableData")]
    [InlineData(OcppVersion.V201, "TransactionEvent", """{"eventType":"Started","timestamp":"2026-01-01T12:00:00Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"tx-1"},"idToken":{"idToken":"ABC","type":"Fingerprint"}}""", "enum", RpcErrorCode.PropertyConstraintViolation, "$.idToken.type")]
    public void Validate_InvalidPayload_ReportsKeywordCodeAndPath(OcppVersion version, string action, string json, string keyword, RpcErrorCode code, string path)
    {
        using var document = JsonDocument.Parse(json);

        var error = Validator.Validate(version, action, OcppPayloadKind.Request, document.RootElement);

        Assert.NotNull(error);
        Assert.Equal(keyword, error.Keyword);
        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxItems_ReportsOccurrenceViolation()
    {
        // 2.0.1 SetChargingProfile allows at most 3 charging schedules.
        var schedule = """{"id":1,"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16}]}""";
        var schedules = string.Join(",", Enumerable.Repeat(schedule, 4));
        var json = """{"evseId":1,"chargingProfile":{"id":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[SCHEDULES]}}"""
            .Replace("SCHEDULES", schedules, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);

        var error = Validator.Validate(OcppVersion.V201, "SetChargingProfile", OcppPayloadKind.Request, document.RootElement);

        Assert.NotNull(error);
        Assert.Equal("maxItems", error.Keyword);
        Assert.Equal(RpcErrorCode.OccurrenceConstraintViolation, error.Code);
        Assert.Equal("$.chargingProfile.chargingSchedule", error.Path);
    }

    [Fact]
    public void Validate_SeveralViolations_ReportsRequiredBeforeAdditionalBeforeNested()
    {
        using var missingAndExtra = JsonDocument.Parse("""{"chargePointVendor":1,"extra":true}""");
        using var extraAndNested = JsonDocument.Parse("""{"chargePointVendor":1,"chargePointModel":"M","extra":true}""");

        var first = Validator.Validate(OcppVersion.V16, "BootNotification", OcppPayloadKind.Request, missingAndExtra.RootElement);
        var second = Validator.Validate(OcppVersion.V16, "BootNotification", OcppPayloadKind.Request, extraAndNested.RootElement);

        Assert.Equal("required", first?.Keyword);
        Assert.Equal("additionalProperties", second?.Keyword);
    }

    [Fact]
    public void Validate_UnknownAction_ReturnsNotImplemented()
    {
        using var document = JsonDocument.Parse("{}");

        var error = Validator.Validate(OcppVersion.V16, "Teleport", OcppPayloadKind.Request, document.RootElement);

        Assert.Equal(RpcErrorCode.NotImplemented, error?.Code);
    }

    [Fact]
    public void Validate_ResponseSchemas_AreSeparateFromRequestSchemas()
    {
        using var request = JsonDocument.Parse("""{"chargePointVendor":"V","chargePointModel":"M"}""");

        Assert.NotNull(Validator.Validate(OcppVersion.V16, "BootNotification", OcppPayloadKind.Response, request.RootElement));
    }

    [Fact]
    public void Validate_ValidPayloads_DoNotAllocate()
    {
        using var heartbeat = JsonDocument.Parse("{}");
        using var boot = JsonDocument.Parse("""{"chargePointVendor":"VendorX","chargePointModel":"SingleSocketCharger","firmwareVersion":"1.2.3"}""");
        using var status = JsonDocument.Parse("""{"connectorId":1,"errorCode":"NoError","status":"Charging","timestamp":"2026-01-01T12:00:00.5Z"}""");
        void ValidateAll()
        {
            Assert.Null(Validator.Validate(OcppVersion.V16, "Heartbeat", OcppPayloadKind.Request, heartbeat.RootElement));
            Assert.Null(Validator.Validate(OcppVersion.V16, "BootNotification", OcppPayloadKind.Request, boot.RootElement));
            Assert.Null(Validator.Validate(OcppVersion.V16, "StatusNotification", OcppPayloadKind.Request, status.RootElement));
        }

        for (var i = 0; i < 100; i++)
        {
            ValidateAll();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            ValidateAll();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 1024, $"3000 validations allocated {allocated} bytes.");
    }
}
