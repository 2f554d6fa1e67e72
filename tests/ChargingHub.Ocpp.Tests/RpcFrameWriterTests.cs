using System.Text;
using System.Text.Json;

namespace ChargingHub.Ocpp.Tests;

public sealed class RpcFrameWriterTests
{
    [Fact]
    public void WriteCall_RawPayload_WritesCompactFrame()
    {
        using var writer = new RpcFrameWriter();

        var frame = writer.WriteCall("19223201", "BootNotification", """{"chargePointVendor":"VendorX","chargePointModel":"SingleSocketCharger"}"""u8);

        Assert.Equal(
            """[2,"19223201","BootNotification",{"chargePointVendor":"VendorX","chargePointModel":"SingleSocketCharger"}]""",
            Encoding.UTF8.GetString(frame.Span));
    }

    [Fact]
    public void WriteCallResult_ElementPayload_WritesFrame()
    {
        using var writer = new RpcFrameWriter();
        using var payload = JsonDocument.Parse("""{ "currentTime": "2026-01-01T12:00:00Z" }""");

        var frame = writer.WriteCallResult("m1", payload.RootElement);

        Assert.Equal("""[3,"m1",{"currentTime":"2026-01-01T12:00:00Z"}]""", Encoding.UTF8.GetString(frame.Span));
    }

    [Fact]
    public void WriteCallError_WithoutDetails_WritesEmptyObject()
    {
        using var writer = new RpcFrameWriter();

        var frame = writer.WriteCallError("-1", "RpcFrameworkError", "The frame is \"bad\".");

        Assert.Equal("""[4,"-1","RpcFrameworkError","The frame is \u0022bad\u0022.",{}]""", Encoding.UTF8.GetString(frame.Span));
    }

    [Fact]
    public void Write_SecondFrame_ReplacesFirst()
    {
        using var writer = new RpcFrameWriter();
        writer.WriteCall("1", "Heartbeat", "{}"u8);

        var frame = writer.WriteCallResult("1", "{}"u8);

        Assert.Equal("""[3,"1",{}]""", Encoding.UTF8.GetString(frame.Span));
    }

    [Fact]
    public void Write_LargePayload_GrowsAndRoundTrips()
    {
        using var writer = new RpcFrameWriter();
        var data = new string('x', 200_000);
        var payload = Encoding.UTF8.GetBytes($$"""{"vendorId":"v","data":"{{data}}"}""");

        var big = writer.WriteCall("big", "DataTransfer", payload).ToArray();
        var small = writer.WriteCall("small", "Heartbeat", "{}"u8);

        Assert.Equal("""[2,"small","Heartbeat",{}]""", Encoding.UTF8.GetString(small.Span));
        Assert.True(RpcFrameParser.TryParse(big, out var parsed, out _));
        using (parsed)
        {
            Assert.Equal(data, Assert.IsType<RpcCall>(parsed).Payload.GetProperty("data").GetString());
        }
    }

    [Fact]
    public void WriteCallError_WithDetails_ParsesBack()
    {
        using var writer = new RpcFrameWriter();
        using var details = JsonDocument.Parse("""{"field":"idTag"}""");

        var bytes = writer.WriteCallError("x", "FormationViolation", "bad ä", details.RootElement).ToArray();

        Assert.True(RpcFrameParser.TryParse(bytes, out var frame, out _));
        using (frame)
        {
            var error = Assert.IsType<RpcCallError>(frame);
            Assert.Equal("bad ä", error.ErrorDescription);
            Assert.Equal("idTag", error.ErrorDetails.GetProperty("field").GetString());
        }
    }

    [Fact]
    public void WriteCall_EmptyPayload_Throws()
    {
        using var writer = new RpcFrameWriter();

        Assert.Throws<ArgumentException>(() => writer.WriteCall("1", "Heartbeat", ReadOnlySpan<byte>.Empty));
    }
}
