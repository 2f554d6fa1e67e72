using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChargingHub.Ocpp;

/// <summary>
/// Compiles one JSON-Schema document (draft-04/06 subset) into a <see cref="SchemaNode"/> tree.
/// A keyword it does not know throws <see cref="NotSupportedException"/>, so a schema can never
/// be half-enforced without anyone noticing.
/// </summary>
internal sealed class SchemaCompiler
{
    /// <summary>Keywords that only annotate or that <c>$ref</c> reaches on demand.</summary>
    private static readonly HashSet<string> IgnoredKeywords = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "id", "$comment", "title", "description", "javaType", "default", "examples", "definitions",
    };

    private readonly JsonElement _root;
    private readonly string _name;
    private readonly Dictionary<string, SchemaNode> _references = new(StringComparer.Ordinal);

    private SchemaCompiler(JsonElement root, string name)
    {
        _root = root;
        _name = name;
    }

    /// <summary>Compiles <paramref name="root"/>; <paramref name="name"/> only labels errors.</summary>
    public static SchemaNode Compile(JsonElement root, string name) => new SchemaCompiler(root, name).CompileNode(root, "#");

    private SchemaNode CompileNode(JsonElement schema, string location)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw Unsupported(location, "a schema must be a JSON object");
        }

        var node = new SchemaNode();
        if (schema.TryGetProperty("$ref", out var reference))
        {
            // Draft-04/06: a $ref replaces its whole schema object, siblings are ignored.
            node.Reference = Resolve(reference.GetString() ?? throw Unsupported(location, "$ref must be a string"));
            return node;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            var at = location + "/" + keyword.Name;
            switch (keyword.Name)
            {
                case "type":
                    node.Types = ReadTypes(value, at);
                    break;
                case "properties":
                    break; // Compiled together with "required" below.
                case "required":
                    if (value.ValueKind != JsonValueKind.Array)
                    {
                        throw Unsupported(at, "required must be an array");
                    }

                    break;
                case "additionalProperties":
                    if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        node.AllowAdditionalProperties = value.GetBoolean();
                    }
                    else
                    {
                        node.AdditionalProperties = CompileNode(value, at);
                    }

                    break;
                case "enum":
                    if (value.ValueKind != JsonValueKind.Array)
                    {
                        throw Unsupported(at, "enum must be an array");
                    }

                    node.Enum = new EnumSet(value);
                    break;
                case "maxLength":
                    node.MaxLength = ReadCount(value, at);
                    break;
                case "minLength":
                    node.MinLength = ReadCount(value, at);
                    break;
                case "minimum":
                    node.Minimum = new NumberLimit(ReadNumber(value, at));
                    break;
                case "maximum":
                    node.Maximum = new NumberLimit(ReadNumber(value, at));
                    break;
                case "multipleOf":
                    if (ReadNumber(value, at).GetDouble() <= 0)
                    {
                        throw Unsupported(at, "multipleOf must be positive");
                    }

                    node.MultipleOf = new NumberLimit(value);
                    break;
                case "format":
                    node.Format = value.GetString() switch
                    {
                        "date-time" => StringFormat.DateTime,
                        "uri" => StringFormat.Uri,
                        var other => throw Unsupported(at, "format '" + other + "' is not supported"),
                    };
                    break;
                case "pattern":
                    node.Pattern = new Regex(
                        value.GetString() ?? throw Unsupported(at, "pattern must be a string"),
                        RegexOptions.CultureInvariant,
                        TimeSpan.FromMilliseconds(100));
                    break;
                case "items":
                    // The tuple form (an array of schemas) is not used by OCPP.
                    node.Items = CompileNode(value, at);
                    break;
                case "minItems":
                    node.MinItems = ReadCount(value, at);
                    break;
                case "maxItems":
                    node.MaxItems = ReadCount(value, at);
                    break;
                default:
                    if (!IgnoredKeywords.Contains(keyword.Name))
                    {
                        throw Unsupported(at, "keyword '" + keyword.Name + "' is not supported");
                    }

                    break;
            }
        }

        node.Properties = CompileProperties(schema, location);
        return node;
    }

    private PropertyTable? CompileProperties(JsonElement schema, string location)
    {
        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasRequired = schema.TryGetProperty("required", out var required);
        if (!hasProperties && !hasRequired)
        {
            return null;
        }

        var names = new List<string>();
        var schemas = new List<SchemaNode?>();
        if (hasProperties)
        {
            if (properties.ValueKind != JsonValueKind.Object)
            {
                throw Unsupported(location + "/properties", "properties must be an object");
            }

            foreach (var property in properties.EnumerateObject())
            {
                names.Add(property.Name);
                schemas.Add(CompileNode(property.Value, location + "/properties/" + property.Name));
            }
        }

        var requiredFlags = new bool[names.Count];
        if (hasRequired)
        {
            foreach (var name in required.EnumerateArray())
            {
                var text = name.GetString() ?? throw Unsupported(location + "/required", "required names must be strings");
                var index = names.IndexOf(text);
                if (index < 0)
                {
                    // Required but not declared: still tracked so its absence is reported.
                    names.Add(text);
                    schemas.Add(null);
                    Array.Resize(ref requiredFlags, names.Count);
                    index = names.Count - 1;
                }

                requiredFlags[index] = true;
            }
        }

        return new PropertyTable([.. names], [.. schemas], requiredFlags);
    }

    private SchemaNode Resolve(string reference)
    {
        if (_references.TryGetValue(reference, out var known))
        {
            return known;
        }

        if (reference != "#" && !reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw Unsupported(reference, "only local references are supported");
        }

        var target = _root;
        if (reference.Length > 1)
        {
            foreach (var token in reference[2..].Split('/'))
            {
                var name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty(name, out target))
                {
                    throw Unsupported(reference, "the reference does not resolve");
                }
            }
        }

        // Registered before compiling so a recursive definition refers to itself instead of looping.
        var node = new SchemaNode();
        _references.Add(reference, node);
        node.Reference = CompileNode(target, reference);
        return node;
    }

    private SchemaTypes ReadTypes(JsonElement value, string at)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return ReadType(value.GetString()!, at);
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Unsupported(at, "type must be a string or an array of strings");
        }

        var types = SchemaTypes.Any;
        foreach (var item in value.EnumerateArray())
        {
            types |= ReadType(item.GetString() ?? throw Unsupported(at, "type names must be strings"), at);
        }

        return types;
    }

    private SchemaTypes ReadType(string name, string at) => name switch
    {
        "null" => SchemaTypes.Null,
        "boolean" => SchemaTypes.Boolean,
        "object" => SchemaTypes.Object,
        "array" => SchemaTypes.Array,
        "number" => SchemaTypes.Number,
        "integer" => SchemaTypes.Integer,
        "string" => SchemaTypes.String,
        _ => throw Unsupported(at, "type '" + name + "' is not a JSON-Schema type"),
    };

    private int ReadCount(JsonElement value, string at) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0
            ? count
            : throw Unsupported(at, "must be a non-negative integer");

    private JsonElement ReadNumber(JsonElement value, string at) =>
        value.ValueKind == JsonValueKind.Number ? value : throw Unsupported(at, "must be a number");

    private NotSupportedException Unsupported(string location, string reason) =>
        new($"Schema {_name} at {location}: {reason}.");
}
