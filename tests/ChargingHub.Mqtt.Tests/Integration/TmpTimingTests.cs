using System.Diagnostics;
using ChargingHub.TestSupport;
using Xunit.Abstractions;
namespace ChargingHub.Mqtt.Tests.Integration;
public sealed class TmpTimingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Tmp()
    {
        var sw = Stopwatch.StartNew();
        using (var rsa = System.Security.Cryptography.RSA.Create(2048)) { rsa.ExportParameters(true); }
        output.WriteLine($"rsa {sw.ElapsedMilliseconds}");
        sw.Restart();
        await using var b = await MosquittoBroker.StartAsync(new() { UseTls = true });
        output.WriteLine($"tls broker {sw.ElapsedMilliseconds}");
        sw.Restart();
        await using var c = await MosquittoBroker.StartAsync();
        output.WriteLine($"plain broker {sw.ElapsedMilliseconds}");
        output.WriteLine(b.Log);
    }
}
