using System.Net.WebSockets;
using System.Text.Json;
using ChargingHub.Ocpp.Tests.Support;

namespace ChargingHub.Ocpp.Tests.Connection;

public sealed class BadFrameTests
{
    [Theory]
    [InlineData(OcppVersion.V16, "this is not json", "FormationViolation")]
    [InlineData(OcppVersion.V16, """{"type":2}""", "FormationViolation")]
    [InlineData(OcppVersion.V16, "[2,7,\"Heartbeat\",{}]", "FormationViolation")]
    [InlineData(OcppVersion.V201, "this is not json", "RpcFrameworkError")]
    [InlineData(OcppVersion.V201, "[]", "RpcFrameworkError")]
    [InlineData(OcppVersion.V201, "[2,null,\"Heartbeat\",{}]", "RpcFrameworkError")]
    public async Task BadFrame_NoReadableId_AnswersMinusOne(OcppVersion version, string text, string wireCode)
    {
        var handler = DelegateHandler.Unused();
        await using var harness = await ConnectionHarness.StartAsync(version, handler);

        await harness.Peer.SendAsync(text);
        var answer = await harness.Peer.ReceiveFrameAsync();

        Assert.Equal(4, answer[0].GetInt32());
        Assert.Equal("-1", answer[1].GetString());
        Assert.Equal(wireCode, answer[2].GetString());
        Assert.Equal(JsonValueKind.Object, answer[4].ValueKind);
        Assert.Equal(0, handler.CallCount);
    }

    [Theory]
    [InlineData(OcppVersion.V16, "[9,\"m7\",\"Heartbeat\",{}]", "FormationViolation")]
    [InlineData(OcppVersion.V201, "[9,\"m7\",\"Heartbeat\",{}]", "MessageTypeNotSupported")]
    [InlineData(OcppVersion.V201, "[2,\"m7\",\"Heartbeat\"]", "RpcFrameworkError")]
    [InlineData(OcppVersion.V201, "[2,\"m7\",\"Heartbeat\",[]]", "FormatViolation")]
    [InlineData(OcppVersion.V16, "[2,\"m7\",\"Heartbeat\",{]", "FormationViolation")]
    public async Task BadFrame_ReadableId_AnswersWithThatId(OcppVersion version, string text, string wireCode)
    {
        await using var harness = await ConnectionHarness.StartAsync(version, DelegateHandler.Unused());

        await harness.Peer.SendAsync(text);
        var answer = await harness.Peer.ReceiveFrameAsync();

        Assert.Equal("m7", answer[1].GetString());
        Assert.Equal(wireCode, answer[2].GetString());
    }

    [Fact]
    public async Task BadFrame_BinaryMessage_CountsAsBadFrame()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V201, DelegateHandler.Unused());

        await harness.Peer.SendBinaryAsync("[2,\"1\",\"Heartbeat\",{}]"u8.ToArray());
        var answer = await harness.Peer.ReceiveFrameAsync();

        Assert.Equal("-1", answer[1].GetString());
        Assert.Equal("RpcFrameworkError", answer[2].GetString());
    }

    [Fact]
    public async Task BadFrames_ReachingLimit_CloseWithProtocolError()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused(), options => options.MaxBadFrames = 3);

        for (var i = 0; i < 3; i++)
        {
            await harness.Peer.SendAsync("garbage");
            Assert.Equal("-1", (await harness.Peer.ReceiveFrameAsync())[1].GetString());
        }

        var close = await harness.Peer.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Close, close.Type);
        Assert.Equal(WebSocketCloseStatus.ProtocolError, close.CloseStatus);
        await harness.Peer.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await harness.Run.WaitAsync(RawPeer.Patience);
    }

    [Fact]
    public async Task BadFrames_GoodFrameInBetween_ResetsTheCount()
    {
        var handler = DelegateHandler.Returning("""{"currentTime":"2026-01-01T12:00:00Z"}""");
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, handler, options => options.MaxBadFrames = 3);

        foreach (var text in new[] { "bad", "bad", """[2,"ok","Heartbeat",{}]""", "bad", "bad", """[2,"ok2","Heartbeat",{}]""" })
        {
            await harness.Peer.SendAsync(text);
            await harness.Peer.ReceiveFrameAsync();
        }

        Assert.Equal(WebSocketState.Open, harness.Peer.Socket.State);
        Assert.False(harness.Run.IsCompleted);
        Assert.Equal(2, handler.CallCount);
    }

    [Fact]
    public async Task Message_OverMaxMessageBytes_ClosesWithMessageTooBig()
    {
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, DelegateHandler.Unused(), options => options.MaxMessageBytes = 1024);

        await harness.Peer.SendAsync($$"""[2,"big","DataTransfer",{"vendorId":"v","data":"{{new string('x', 2000)}}"}]""");

        var close = await harness.Peer.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Close, close.Type);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, close.CloseStatus);
        await harness.Peer.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await harness.Run.WaitAsync(RawPeer.Patience);
    }

    [Fact]
    public async Task Message_UpToMaxMessageBytes_IsAccepted()
    {
        var handler = DelegateHandler.Returning("""{"status":"Accepted"}""");
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, handler, options => options.MaxMessageBytes = 64 * 1024);
        var prefix = """[2,"big","DataTransfer",{"vendorId":"v","data":" """.TrimEnd();
        var text = prefix + new string('x', (64 * 1024) - prefix.Length - 3) + "\"}]";

        await harness.Peer.SendAsync(text);
        var answer = await harness.Peer.ReceiveFrameAsync();

        Assert.Equal(64 * 1024, text.Length);
        Assert.Equal("big", answer[1].GetString());
        Assert.Equal(3, answer[0].GetInt32());
    }

    [Fact]
    public async Task Message_Fragmented_IsReassembled()
    {
        var handler = DelegateHandler.Returning("""{"currentTime":"2026-01-01T12:00:00Z"}""");
        await using var harness = await ConnectionHarness.StartAsync(OcppVersion.V16, handler);
        var bytes = """[2,"frag","Heartbeat",{}]"""u8.ToArray();

        await harness.Peer.Socket.SendAsync(bytes.AsMemory(0, 5), WebSocketMessageType.Text, false, CancellationToken.None);
        await harness.Peer.Socket.SendAsync(bytes.AsMemory(5), WebSocketMessageType.Text, true, CancellationToken.None);

        Assert.Equal("frag", (await harness.Peer.ReceiveFrameAsync())[1].GetString());
    }
}
