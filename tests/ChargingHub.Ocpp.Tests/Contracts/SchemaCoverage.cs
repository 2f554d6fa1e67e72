using System.Text.Json.Nodes;

namespace ChargingHub.Ocpp.Tests.Contracts;

/// <summary>
/// Compares a serialized payload with the property tree of its schema. Paths look like
/// <c>meterValue[].sampledValue[].unitOfMeasure.unit</c>.
/// </summary>
internal sealed class SchemaCoverage
{
    // customData is the 2.0.1 vendor extension point; the contracts leave it out on purpose.
    private const string CustomData = "customData";

    private readonly JsonObject _root;

    private SchemaCoverage(JsonObject root) => _root = root;

    /// <summary>Every property path the schema defines.</summary>
    public SortedSet<string> Defined { get; } = new(StringComparer.Ordinal);

    /// <summary>Every property path the payload sets.</summary>
    public SortedSet<string> Present { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths the payload sets that its schema does not define.</summary>
    public SortedSet<string> Unknown { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths the payload sets that are optional where they appear.</summary>
    public SortedSet<string> Optional { get; } = new(StringComparer.Ordinal);

    /// <summary>Schema paths the payload never sets.</summary>
    public IEnumerable<string> Missing => Defined.Except(Present, StringComparer.Ordinal);

    public static SchemaCoverage Of(string json, string schemaFile)
    {
        var root = OfficialSchemas.Load(schemaFile);
        var coverage = new SchemaCoverage(root);
        coverage.Define(root, prefix: "", depth: 0);
        coverage.Visit(root, JsonNode.Parse(json), prefix: "");
        return coverage;
    }

    private JsonObject Resolve(JsonObject schema)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            const string Prefix = "#/definitions/";
            Assert.StartsWith(Prefix, reference);
            return _root["definitions"]![reference[Prefix.Length..]]!.AsObject();
        }

        return schema;
    }

    private void Define(JsonObject schema, string prefix, int depth)
    {
        Assert.True(depth < 16, $"Schema nesting too deep at {prefix}");
        schema = Resolve(schema);
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, value) in properties)
            {
                if (name == CustomData)
                {
                    continue;
                }

                var path = Child(prefix, name);
                Defined.Add(path);
                Define(value!.AsObject(), path, depth + 1);
            }
        }
        else if (schema["items"] is JsonObject items)
        {
            Define(items, prefix + "[]", depth + 1);
        }
    }

    private void Visit(JsonObject schema, JsonNode? json, string prefix)
    {
        schema = Resolve(schema);
        switch (json)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
                foreach (var (name, value) in obj)
                {
                    var path = Child(prefix, name);
                    if (properties[name] is not JsonObject propertySchema || name == CustomData)
                    {
                        Unknown.Add(path);
                        continue;
                    }

                    Present.Add(path);
                    if (!required.Contains(name))
                    {
                        Optional.Add(path);
                    }

                    Visit(propertySchema, value, path);
                }

                break;
            case JsonArray array when schema["items"] is JsonObject items:
                foreach (var element in array)
                {
                    Visit(items, element, prefix + "[]");
                }

                break;
        }
    }

    private static string Child(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
}
