namespace ChargingHub.Ocpp.Tests;

public sealed class RpcErrorCodesTests
{
    [Theory]
    [InlineData(RpcErrorCode.FormatViolation, "FormationViolation", "FormatViolation")]
    [InlineData(RpcErrorCode.OccurrenceConstraintViolation, "OccurenceConstraintViolation", "OccurrenceConstraintViolation")]
    [InlineData(RpcErrorCode.RpcFrameworkError, "FormationViolation", "RpcFrameworkError")]
    [InlineData(RpcErrorCode.MessageTypeNotSupported, "FormationViolation", "MessageTypeNotSupported")]
    [InlineData(RpcErrorCode.NotImplemented, "NotImplemented", "NotImplemented")]
    [InlineData(RpcErrorCode.NotSupported, "NotSupported", "NotSupported")]
    [InlineData(RpcErrorCode.InternalError, "InternalError", "InternalError")]
    [InlineData(RpcErrorCode.ProtocolError, "ProtocolError", "ProtocolError")]
    [InlineData(RpcErrorCode.SecurityError, "SecurityError", "SecurityError")]
    [InlineData(RpcErrorCode.PropertyConstraintViolation, "PropertyConstraintViolation", "PropertyConstraintViolation")]
    [InlineData(RpcErrorCode.TypeConstraintViolation, "TypeConstraintViolation", "TypeConstraintViolation")]
    [InlineData(RpcErrorCode.GenericError, "GenericError", "GenericError")]
    public void ToWire_EachVersion_UsesThatVersionsSpelling(RpcErrorCode code, string v16, string v201)
    {
        Assert.Equal(v16, RpcErrorCodes.ToWire(code, OcppVersion.V16));
        Assert.Equal(v201, RpcErrorCodes.ToWire(code, OcppVersion.V201));
    }

    [Fact]
    public void ToWire_V16_OnlyUsesCodesThe16SpecDefines()
    {
        string[] defined16 =
        [
            "NotImplemented", "NotSupported", "InternalError", "ProtocolError", "SecurityError", "FormationViolation",
            "PropertyConstraintViolation", "OccurenceConstraintViolation", "TypeConstraintViolation", "GenericError",
        ];

        foreach (var code in Enum.GetValues<RpcErrorCode>())
        {
            Assert.Contains(RpcErrorCodes.ToWire(code, OcppVersion.V16), defined16);
        }
    }

    [Fact]
    public void ToWireThenTryParse_V201_RoundTripsEveryCode()
    {
        foreach (var code in Enum.GetValues<RpcErrorCode>())
        {
            Assert.True(RpcErrorCodes.TryParse(RpcErrorCodes.ToWire(code, OcppVersion.V201), out var parsed));
            Assert.Equal(code, parsed);
        }
    }

    [Theory]
    [InlineData("FormationViolation", RpcErrorCode.FormatViolation)]
    [InlineData("FormatViolation", RpcErrorCode.FormatViolation)]
    [InlineData("OccurenceConstraintViolation", RpcErrorCode.OccurrenceConstraintViolation)]
    [InlineData("OccurrenceConstraintViolation", RpcErrorCode.OccurrenceConstraintViolation)]
    [InlineData("RpcFrameworkError", RpcErrorCode.RpcFrameworkError)]
    [InlineData("MessageTypeNotSupported", RpcErrorCode.MessageTypeNotSupported)]
    public void TryParse_BothSpellings_Accepted(string wire, RpcErrorCode expected)
    {
        Assert.True(RpcErrorCodes.TryParse(wire, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("notimplemented")]
    [InlineData("VendorSpecificError")]
    public void TryParse_UnknownCode_ReturnsFalse(string? wire)
    {
        Assert.False(RpcErrorCodes.TryParse(wire, out _));
    }

    [Fact]
    public void OcppCallErrorException_UnknownWireCode_KeepsWireCodeWithoutParsedCode()
    {
        var exception = new OcppCallErrorException("Reset", "m1", "VendorSpecificError", "nope", default);

        Assert.Null(exception.ErrorCode);
        Assert.Equal("VendorSpecificError", exception.WireErrorCode);
        Assert.Contains("VendorSpecificError", exception.Message, StringComparison.Ordinal);
    }
}
