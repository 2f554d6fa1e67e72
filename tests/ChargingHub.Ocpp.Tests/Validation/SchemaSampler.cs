using System.Globalization;
using System.Text.Json.Nodes;

namespace ChargingHub.Ocpp.Tests.Validation;

/// <summary>
/// Builds sample payloads straight from a schema document: a minimal and a full valid instance,
/// and single-fault mutations of the full one, each with the keyword and path it must break.
/// Written independently of the validator under test, so the two can check each other.
/// </summary>
internal sealed class SchemaSampler(JsonObject root)
{
    public const string ValidDateTime = "2026-01-01T12:00:00Z";

    public JsonNode Build(bool full) => Build(root, full);

    public IEnumerable<Mutation> Mutations()
    {
        var instance = Build(full: true);
        var mutations = new List<Mutation>();
        Collect(root, instance, [], mutations);
        return mutations;
    }

    private JsonObject Resolve(JsonObject schema)
    {
        while (schema["$ref"] is JsonValue reference)
        {
            var name = reference.GetValue<string>()["#/definitions/".Length..];
            schema = root["definitions"]![name]!.AsObject();
        }

        return schema;
    }

    private JsonNode Build(JsonObject schema, bool full)
    {
        schema = Resolve(schema);
        if (schema["enum"] is JsonArray values)
        {
            return values[0]!.DeepClone();
        }

        switch ((string?)schema["type"])
        {
            case "object":
                var result = new JsonObject();
                var required = (schema["required"] as JsonArray)?.Select(n => (string)n!).ToHashSet() ?? [];
                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (name, property) in properties)
                    {
                        if (full || required.Contains(name))
                        {
                            result[name] = Build(property!.AsObject(), full);
                        }
                    }
                }

                return result;
            case "array":
                var array = new JsonArray();
                var count = Math.Max(1, (int?)schema["minItems"] ?? 0);
                for (var i = 0; i < count; i++)
                {
                    array.Add(Build(schema["items"]!.AsObject(), full));
                }

                return array;
            case "string":
                return (string?)schema["format"] switch
                {
                    "date-time" => ValidDateTime,
                    "uri" => "https://example.com/firmware.bin",
                    _ => new string('a', Math.Clamp(3, (int?)schema["minLength"] ?? 0, (int?)schema["maxLength"] ?? int.MaxValue)),
                };
            case "integer":
                return JsonValue.Create((long)Math.Clamp(1m, Math.Ceiling((decimal?)schema["minimum"] ?? decimal.MinValue), Math.Floor((decimal?)schema["maximum"] ?? decimal.MaxValue)));
            case "number":
                return JsonValue.Create(Math.Clamp(1.5m, (decimal?)schema["minimum"] ?? decimal.MinValue, (decimal?)schema["maximum"] ?? decimal.MaxValue));
            case "boolean":
                return JsonValue.Create(true);
            case null:
                return JsonValue.Create("any JSON value");
            default:
                throw new NotSupportedException("The sampler does not know type " + schema["type"]);
        }
    }

    private void Collect(JsonObject schema, JsonNode instance, List<object> path, List<Mutation> mutations)
    {
        schema = Resolve(schema);
        void Add(string description, string keyword, string suffix, Func<JsonNode, JsonNode> change) =>
            mutations.Add(new Mutation(description + " at " + Render(path) + suffix, path.ToArray(), change, keyword, Render(path) + suffix));

        var type = (string?)schema["type"];
        if (schema["enum"] is not null)
        {
            Add("value outside enum", "enum", "", _ => "NotAnAllowedValue");
        }

        switch (type)
        {
            case "object":
                Add("array instead of object", "type", "", _ => new JsonArray());
                foreach (var name in (schema["required"] as JsonArray)?.Select(n => (string)n!) ?? [])
                {
                    Add("missing " + name, "required", "." + name, node =>
                    {
                        node.AsObject().Remove(name);
                        return node;
                    });
                }

                if (schema["additionalProperties"] is JsonValue additional && !additional.GetValue<bool>())
                {
                    Add("extra property", "additionalProperties", ".unexpectedProperty", node =>
                    {
                        node.AsObject()["unexpectedProperty"] = 1;
                        return node;
                    });
                }

                foreach (var (name, child) in instance.AsObject())
                {
                    Collect(schema["properties"]![name]!.AsObject(), child!, [.. path, name], mutations);
                }

                break;
            case "array":
                Add("object instead of array", "type", "", _ => new JsonObject());
                if ((int?)schema["minItems"] is > 0)
                {
                    Add("empty array", "minItems", "", _ => new JsonArray());
                }

                if ((int?)schema["maxItems"] is { } maxItems)
                {
                    Add("too many items", "maxItems", "", node =>
                    {
                        var array = node.AsArray();
                        while (array.Count <= maxItems)
                        {
                            array.Add(array[0]!.DeepClone());
                        }

                        return array;
                    });
                }

                Collect(schema["items"]!.AsObject(), instance.AsArray()[0]!, [.. path, 0], mutations);
                break;
            case "string":
                Add("number instead of string", "type", "", _ => 42);
                if ((int?)schema["maxLength"] is { } maxLength)
                {
                    Add("string too long", "maxLength", "", _ => new string('b', maxLength + 1));
                }

                if ((string?)schema["format"] == "date-time")
                {
                    Add("not a date", "format", "", _ => "yesterday at noon");
                    Add("impossible date", "format", "", _ => "2026-02-30T12:00:00Z");
                }

                if ((string?)schema["format"] == "uri")
                {
                    Add("not a URI", "format", "", _ => "not a uri");
                }

                break;
            case "integer":
                Add("string instead of integer", "type", "", _ => "1");
                Add("fraction instead of integer", "type", "", _ => 1.5m);
                AddBounds(schema, Add, integer: true);
                break;
            case "number":
                Add("string instead of number", "type", "", _ => "1.5");
                AddBounds(schema, Add, integer: false);
                if ((decimal?)schema["multipleOf"] is { } step)
                {
                    Add("not a multiple", "multipleOf", "", _ => 1.5m + (step / 2));
                }

                break;
            case "boolean":
                Add("string instead of boolean", "type", "", _ => "true");
                break;
        }
    }

    private static void AddBounds(JsonObject schema, Action<string, string, string, Func<JsonNode, JsonNode>> add, bool integer)
    {
        // An integer field gets an integer outside its bounds; "-1.0" would break its type first.
        JsonNode Number(decimal value) => integer ? JsonValue.Create((long)decimal.Floor(value)) : JsonValue.Create(value);

        if ((decimal?)schema["minimum"] is { } minimum)
        {
            add("below minimum", "minimum", "", _ => Number(minimum - 1));
        }

        if ((decimal?)schema["maximum"] is { } maximum)
        {
            add("above maximum", "maximum", "", _ => Number(maximum + 1));
        }
    }

    private static string Render(IEnumerable<object> path) =>
        "$" + string.Concat(path.Select(segment => segment is int index ? "[" + index.ToString(CultureInfo.InvariantCulture) + "]" : "." + segment));
}

/// <summary>One fault injected at <see cref="Path"/>; <see cref="Keyword"/> and <see cref="ExpectedPath"/> are what a validator must report.</summary>
internal sealed record Mutation(string Description, object[] Path, Func<JsonNode, JsonNode> Change, string Keyword, string ExpectedPath)
{
    public JsonNode ApplyTo(JsonNode instance)
    {
        var copy = instance.DeepClone();
        if (Path.Length == 0)
        {
            return Change(copy);
        }

        var parent = copy;
        foreach (var segment in Path[..^1])
        {
            parent = segment is int index ? parent[index]! : parent[(string)segment]!;
        }

        switch (Path[^1])
        {
            case int index:
                var item = parent[index]!;
                parent[index] = null; // detached so a change made in place can be put back
                parent[index] = Change(item);
                break;
            case string name:
                var value = parent[name]!;
                parent[name] = null;
                parent[name] = Change(value);
                break;
        }

        return copy;
    }
}
