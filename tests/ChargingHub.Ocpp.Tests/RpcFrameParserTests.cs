using System.Text;
using System.Text.Json;

namespace ChargingHub.Ocpp.Tests;

public sealed class RpcFrameParserTests
{
    [Theory]
    // OCPP-J 1.6 and 2.0.1 specification examples and frames captured from chargers.
    [InlineData("""[2,"19223201","BootNotification",{"chargePointVendor":"VendorX","chargePointModel":"SingleSocketCharger"}]""", "19223201", "BootNotification", "chargePointVendor")]
    [InlineData("""[2,"19223201","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"SingleSocketCharger","vendorName":"VendorX"}}]""", "19223201", "BootNotification", "reason")]
    [InlineData("""[2, "a7b4c1e2-9f1d-4c3a-8e2b-5d6f7a8b9c0d", "StatusNotification", {"connectorId": 1, "errorCode": "NoError", "status": "Available"}]""", "a7b4c1e2-9f1d-4c3a-8e2b-5d6f7a8b9c0d", "StatusNotification", "connectorId")]
    [InlineData("[2,\"1\",\"Heartbeat\",{}]", "1", "Heartbeat", null)]
    [InlineData(" \r\n[2,\"x\",\"Heartbeat\",{ }]\n", "x", "Heartbeat", null)]
    public void TryParse_CapturedCall_ReturnsCall(string text, string messageId, string action, string? firstProperty)
    {
        Assert.True(RpcFrameParser.TryParse(Encoding.UTF8.GetBytes(text), out var frame, out _));
        using (frame)
        {
            var call = Assert.IsType<RpcCall>(frame);
            Assert.Equal(RpcMessageType.Call, call.MessageType);
            Assert.Equal(messageId, call.MessageId);
            Assert.Equal(action, call.Action);
            Assert.Equal(JsonValueKind.Object, call.Payload.ValueKind);
            Assert.Equal(firstProperty, call.Payload.EnumerateObject().Select(p => p.Name).FirstOrDefault());
        }
    }

    [Fact]
    public void TryParse_CapturedCallResult_ReturnsPayload()
    {
        var text = """[3,"19223201",{"status":"Accepted","currentTime":"2013-02-01T20:53:32.486Z","interval":300}]"""u8.ToArray();

        Assert.True(RpcFrameParser.TryParse(text, out var frame, out _));
        using (frame)
        {
            var result = Assert.IsType<RpcCallResult>(frame);
            Assert.Equal("19223201", result.MessageId);
            Assert.Equal(300, result.Payload.GetProperty("interval").GetInt32());
        }
    }

    [Fact]
    public void TryParse_CapturedCallError_ReturnsCodeDescriptionAndDetails()
    {
        var text = """[4,"162376037","NotSupported","SetDisplayMessageRequest not implemented",{"hint":"upgrade"}]"""u8.ToArray();

        Assert.True(RpcFrameParser.TryParse(text, out var frame, out _));
        using (frame)
        {
            var error = Assert.IsType<RpcCallError>(frame);
            Assert.Equal("162376037", error.MessageId);
            Assert.Equal("NotSupported", error.ErrorCode);
            Assert.Equal("SetDisplayMessageRequest not implemented", error.ErrorDescription);
            Assert.Equal("upgrade", error.ErrorDetails.GetProperty("hint").GetString());
        }
    }

    [Fact]
    public void TryParse_EscapedStrings_AreUnescaped()
    {
        var text = """[2,"id\u002d1","Data\u0054ransfer",{"vendorId":"caf\u00e9"}]"""u8.ToArray();

        Assert.True(RpcFrameParser.TryParse(text, out var frame, out _));
        using (frame)
        {
            var call = Assert.IsType<RpcCall>(frame);
            Assert.Equal("id-1", call.MessageId);
            Assert.Equal("DataTransfer", call.Action);
            Assert.Equal("café", call.Payload.GetProperty("vendorId").GetString());
        }
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("hello", "not valid JSON")]
    [InlineData("{\"messageTypeId\":2}", "not a JSON array")]
    [InlineData("\"[2,\\\"1\\\",\\\"Heartbeat\\\",{}]\"", "not a JSON array")]
    [InlineData("42", "not a JSON array")]
    [InlineData("null", "not a JSON array")]
    [InlineData("[]", "message type")]
    [InlineData("[2]", "message id")]
    [InlineData("[2,1,\"Heartbeat\",{}]", "message id")]
    [InlineData("[2,null,\"Heartbeat\",{}]", "message id")]
    [InlineData("[2,{\"id\":\"1\"},\"Heartbeat\",{}]", "message id")]
    [InlineData("[\"2\",5,\"Heartbeat\",{}]", "message type")]
    [InlineData("[2.0,7,\"Heartbeat\",{}]", "message type")]
    [InlineData("[2,", "not valid JSON")]
    [InlineData("[2,\"unterminated", "not valid JSON")]
    public void TryParse_FrameWithoutReadableId_AnswersMinusOne(string text, string reason)
    {
        Assert.False(RpcFrameParser.TryParse(Encoding.UTF8.GetBytes(text), out var frame, out var error));
        Assert.Null(frame);
        Assert.Null(error.MessageId);
        Assert.Equal("-1", error.ReplyMessageId);

        Assert.Equal(RpcErrorCode.RpcFrameworkError, error.Code);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"2\",\"abc\",\"Heartbeat\",{}]", RpcErrorCode.RpcFrameworkError, null)]
    [InlineData("[2,\"abc\",\"Heartbeat\"]", RpcErrorCode.RpcFrameworkError, 2)]
    [InlineData("[2,\"abc\",\"Heartbeat\",{},{}]", RpcErrorCode.RpcFrameworkError, 2)]
    [InlineData("[2,\"abc\",7,{}]", RpcErrorCode.RpcFrameworkError, 2)]
    [InlineData("[2,\"abc\",\"Heartbeat\",[]]", RpcErrorCode.FormatViolation, 2)]
    [InlineData("[2,\"abc\",\"Heartbeat\",null]", RpcErrorCode.FormatViolation, 2)]
    [InlineData("[3,\"abc\"]", RpcErrorCode.RpcFrameworkError, 3)]
    [InlineData("[3,\"abc\",{},{}]", RpcErrorCode.RpcFrameworkError, 3)]
    [InlineData("[3,\"abc\",\"ok\"]", RpcErrorCode.FormatViolation, 3)]
    [InlineData("[4,\"abc\",\"GenericError\",\"\"]", RpcErrorCode.RpcFrameworkError, 4)]
    [InlineData("[4,\"abc\",1,\"\",{}]", RpcErrorCode.RpcFrameworkError, 4)]
    [InlineData("[4,\"abc\",\"GenericError\",null,{}]", RpcErrorCode.RpcFrameworkError, 4)]
    [InlineData("[4,\"abc\",\"GenericError\",\"\",\"details\"]", RpcErrorCode.FormatViolation, 4)]
    [InlineData("[5,\"abc\",\"Heartbeat\",{}]", RpcErrorCode.MessageTypeNotSupported, 5)]
    [InlineData("[1,\"abc\"]", RpcErrorCode.MessageTypeNotSupported, 1)]
    [InlineData("[6,\"abc\",\"Heartbeat\",{}]", RpcErrorCode.MessageTypeNotSupported, 6)]
    [InlineData("[2,\"abc\",\"Heartbeat\",{\"a\":]", RpcErrorCode.RpcFrameworkError, 2)]
    [InlineData("[2,\"abc\",\"Heartbeat\",{}", RpcErrorCode.RpcFrameworkError, 2)]
    [InlineData("[2,\"abc\",\"Heartbeat\",{}],", RpcErrorCode.RpcFrameworkError, 2)]
    [InlineData("[2,\"abc\",\"Heartbeat\",{},]", RpcErrorCode.RpcFrameworkError, 2)]
    [InlineData("[2,\"abc\",\"Heartbeat\",{}] // comment", RpcErrorCode.RpcFrameworkError, 2)]
    public void TryParse_MalformedFrameWithReadableId_KeepsId(string text, RpcErrorCode code, int? typeNumber)
    {
        Assert.False(RpcFrameParser.TryParse(Encoding.UTF8.GetBytes(text), out var frame, out var error));
        Assert.Null(frame);
        Assert.Equal("abc", error.MessageId);
        Assert.Equal("abc", error.ReplyMessageId);
        Assert.Equal(code, error.Code);
        Assert.Equal(typeNumber, error.MessageTypeNumber);
    }

    [Fact]
    public void TryParse_InvalidUtf8_IsNotValidJson()
    {
        byte[] text = [.. "[2,\"1\",\"Heartbeat\",{\"a\":\""u8, 0xC3, 0x28, .. "\"}]"u8];

        Assert.False(RpcFrameParser.TryParse(text, out _, out var error));
        Assert.Equal(RpcErrorCode.RpcFrameworkError, error.Code);
        Assert.Equal("1", error.ReplyMessageId);
        Assert.Contains("UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_DeeplyNestedPayload_IsRejectedNotOverflowed()
    {
        var text = "[2,\"1\",\"DataTransfer\"," + new string('[', 5000) + new string(']', 5000) + "]";

        Assert.False(RpcFrameParser.TryParse(Encoding.UTF8.GetBytes(text), out _, out var error));
        Assert.Equal("1", error.ReplyMessageId);
    }
}
