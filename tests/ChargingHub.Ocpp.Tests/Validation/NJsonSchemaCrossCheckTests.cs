using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace ChargingHub.Ocpp.Tests.Validation;

/// <summary>
/// Checks <see cref="OcppSchemaValidator"/> against NJsonSchema as an independent oracle: for valid
/// samples and single-fault mutations of every action of both versions, both must agree on
/// valid/invalid, and ours must name the injected keyword and path.
/// </summary>
public sealed class NJsonSchemaCrossCheckTests
{
    private const int OracleMutationsPerAction = 40;

    public static TheoryData<OcppVersion, OcppPayloadKind> Slots => new()
    {
        { OcppVersion.V16, OcppPayloadKind.Request },
        { OcppVersion.V16, OcppPayloadKind.Response },
        { OcppVersion.V201, OcppPayloadKind.Request },
        { OcppVersion.V201, OcppPayloadKind.Response },
    };

    [Theory]
    [MemberData(nameof(Slots))]
    public async Task Validate_GeneratedSamplesOfEveryAction_AgreesWithNJsonSchema(OcppVersion version, OcppPayloadKind kind)
    {
        var disagreements = new System.Collections.Concurrent.ConcurrentBag<string>();
        var checkedSamples = 0;

        // Actions are independent, and NJsonSchema is the slow half of the comparison.
        await Parallel.ForEachAsync(OcppSchemaValidator.Default.GetActions(version, kind), async (action, _) =>
        {
            var schemaText = ReadEmbeddedSchema(version, action, kind);
            var oracle = await JsonSchema.FromJsonAsync(schemaText);
            var sampler = new SchemaSampler(JsonNode.Parse(schemaText)!.AsObject());

            foreach (var full in new[] { false, true })
            {
                var sample = sampler.Build(full);
                Interlocked.Increment(ref checkedSamples);
                var ours = Validate(version, action, kind, sample);
                var theirs = OracleErrors(oracle, sample);
                if (ours is not null || theirs.Count > 0)
                {
                    disagreements.Add($"{action} {(full ? "full" : "minimal")} sample: ours {ours?.Message ?? "valid"}, NJsonSchema {string.Join("; ", theirs)}");
                }
            }

            var instance = sampler.Build(full: true);
            var mutations = sampler.Mutations().ToList();

            // NJsonSchema needs milliseconds per large payload: it sees every kind of fault of each
            // action and an even spread of the rest, while ours checks all of them.
            var stride = Math.Max(1, mutations.Count / OracleMutationsPerAction);
            var keywordsSeen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < mutations.Count; i++)
            {
                var mutation = mutations[i];
                var sample = mutation.ApplyTo(instance);
                Interlocked.Increment(ref checkedSamples);
                var ours = Validate(version, action, kind, sample);
                if (ours is null || ours.Keyword != mutation.Keyword || ours.Path != mutation.ExpectedPath)
                {
                    disagreements.Add($"{action} {mutation.Description}: expected {mutation.Keyword} at {mutation.ExpectedPath}, got {ours?.Keyword ?? "valid"} at {ours?.Path}");
                }

                if ((keywordsSeen.Add(mutation.Keyword) || i % stride == 0) && OracleErrors(oracle, sample).Count == 0)
                {
                    disagreements.Add($"{action} {mutation.Description}: ours {ours?.Message ?? "valid"}, NJsonSchema valid");
                }
            }
        });

        Assert.True(checkedSamples > 300, $"Only {checkedSamples} samples were generated.");
        Assert.True(disagreements.Count == 0, string.Join(Environment.NewLine, disagreements.Order(StringComparer.Ordinal).Take(30)));
    }

    [Theory]
    [InlineData(OcppVersion.V16, "StopTransaction", """{"meterStop":100,"timestamp":"2026-01-01T12:00:00.5+02:00","transactionId":7,"reason":"EVDisconnected","transactionData":[{"timestamp":"2026-01-01T11:00:00Z","sampledValue":[{"value":"5"}]}]}""")]
    [InlineData(OcppVersion.V16, "StopTransaction", """{"meterStop":100,"timestamp":"2026-01-01T12:00:00Z","transactionId":7,"reason":"Unplugged"}""")]
    [InlineData(OcppVersion.V16, "Authorize", """{"idTag":"012345678901234567890"}""")]
    [InlineData(OcppVersion.V16, "Authorize", """{"idTag":"01234567890123456789"}""")]
    [InlineData(OcppVersion.V16, "DataTransfer", """{"vendorId":"com.example","messageId":"x","data":"{\"nested\":true}"}""")]
    [InlineData(OcppVersion.V16, "DataTransfer", """{"vendorId":"com.example","data":{"nested":true}}""")]
    [InlineData(OcppVersion.V16, "StartTransaction", """{"connectorId":1,"idTag":"ABC","meterStart":0,"timestamp":"2026-01-01T12:00:00Z","reservationId":3}""")]
    [InlineData(OcppVersion.V16, "StartTransaction", """{"connectorId":1,"idTag":"ABC","meterStart":-5.5,"timestamp":"2026-01-01T12:00:00Z"}""")]
    [InlineData(OcppVersion.V201, "Authorize", """{"idToken":{"idToken":"ABC","type":"ISO14443","additionalInfo":[{"additionalIdToken":"x","type":"y"}]}}""")]
    [InlineData(OcppVersion.V201, "Authorize", """{"idToken":{"idToken":"ABC","type":"ISO14443","additionalInfo":[]}}""")]
    [InlineData(OcppVersion.V201, "StatusNotification", """{"timestamp":"2026-01-01T12:00:00Z","connectorStatus":"Occupied","evseId":1,"connectorId":1}""")]
    [InlineData(OcppVersion.V201, "StatusNotification", """{"timestamp":"2026-01-01T12:00:00Z","connectorStatus":"Charging","evseId":1,"connectorId":1}""")]
    [InlineData(OcppVersion.V201, "MeterValues", """{"evseId":1,"meterValue":[{"timestamp":"2026-01-01T12:00:00Z","sampledValue":[{"value":12.5,"measurand":"Power.Active.Import","unitOfMeasure":{"unit":"W","multiplier":3}}]}]}""")]
    [InlineData(OcppVersion.V201, "MeterValues", """{"evseId":1,"meterValue":[{"timestamp":"2026-01-01T12:00:00Z","sampledValue":[{"value":"12.5"}]}]}""")]
    [InlineData(OcppVersion.V201, "NotifyEVChargingNeeds", """{"evseId":1,"chargingNeeds":{"requestedEnergyTransfer":"DC","dcChargingParameters":{"evMaxCurrent":1,"evMaxVoltage":1,"stateOfCharge":100}}}""")]
    [InlineData(OcppVersion.V201, "NotifyEVChargingNeeds", """{"evseId":1,"chargingNeeds":{"requestedEnergyTransfer":"DC","dcChargingParameters":{"evMaxCurrent":1,"evMaxVoltage":1,"stateOfCharge":100.5}}}""")]
    public async Task Validate_HandWrittenSamples_AgreesWithNJsonSchema(OcppVersion version, string action, string json)
    {
        var oracle = await JsonSchema.FromJsonAsync(ReadEmbeddedSchema(version, action, OcppPayloadKind.Request));
        var sample = JsonNode.Parse(json)!;

        var ours = Validate(version, action, OcppPayloadKind.Request, sample);
        var theirs = OracleErrors(oracle, sample);

        Assert.Equal(theirs.Count == 0, ours is null);
    }

    private static OcppValidationError? Validate(OcppVersion version, string action, OcppPayloadKind kind, JsonNode sample)
    {
        using var document = JsonDocument.Parse(sample.ToJsonString());
        return OcppSchemaValidator.Default.Validate(version, action, kind, document.RootElement);
    }

    private static List<string> OracleErrors(JsonSchema oracle, JsonNode sample)
    {
        // Read without Json.NET's date and float conversions so NJsonSchema sees the text as sent.
        using var reader = new JsonTextReader(new StringReader(sample.ToJsonString()))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        return oracle.Validate(JToken.ReadFrom(reader)).Select(e => $"{e.Kind} at {e.Path}").ToList();
    }

    private static string ReadEmbeddedSchema(OcppVersion version, string action, OcppPayloadKind kind)
    {
        var suffix = (version, kind) switch
        {
            (OcppVersion.V16, OcppPayloadKind.Request) => string.Empty,
            (_, OcppPayloadKind.Request) => "Request",
            _ => "Response",
        };
        var name = $"schemas/{version.DisplayName()}/{action}{suffix}.json";
        using var stream = typeof(OcppSchemaValidator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("Missing embedded schema " + name);
        using var text = new StreamReader(stream);
        return text.ReadToEnd();
    }
}
