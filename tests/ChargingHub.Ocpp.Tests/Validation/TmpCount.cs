using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using NJsonSchema;
namespace ChargingHub.Ocpp.Tests.Validation;
public sealed class TmpCount(ITestOutputHelper output)
{
    [Fact]
    public async Task Count()
    {
        using var stream = typeof(OcppSchemaValidator).Assembly.GetManifestResourceStream($"schemas/2.0.1/RequestStartTransactionRequest.json")!;
        var text = new StreamReader(stream).ReadToEnd();
        var sw = Stopwatch.StartNew();
        var schema = await JsonSchema.FromJsonAsync(text);
        output.WriteLine($"load {sw.ElapsedMilliseconds}");
        var sampler = new SchemaSampler(JsonNode.Parse(text)!.AsObject());
        var inst = sampler.Build(true);
        sw.Restart();
        var muts = sampler.Mutations().ToList();
        output.WriteLine($"mut {sw.ElapsedMilliseconds}");
        sw.Restart();
        foreach (var m in muts) { var s = m.ApplyTo(inst).ToJsonString(); }
        output.WriteLine($"apply {sw.ElapsedMilliseconds}");
        sw.Restart();
        foreach (var m in muts) { schema.Validate(m.ApplyTo(inst).ToJsonString()); }
        output.WriteLine($"validate {sw.ElapsedMilliseconds}");
    }
}
