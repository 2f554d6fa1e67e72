using System.Reflection;
using System.Text.Json;

namespace ChargingHub.Ocpp;

/// <summary>
/// Validates OCPP payloads against the official OCA JSON schemas of 1.6 and 2.0.1, each compiled
/// into a validator tree the first time an action needs it (a hub uses a dozen of the 180, and the
/// rest would only take memory). Thread-safe; validating a valid payload does not allocate.
/// </summary>
/// <remarks>
/// The first violation found is reported, mapped to a CALLERROR code as the ocpp-rpc library
/// maps ajv keywords (except <c>enum</c>, which ocpp-rpc leaves to its FormatViolation fallback:
/// a value outside an enumeration is an invalid value, which is what PropertyConstraintViolation means):
/// <list type="table">
/// <listheader><term>Keyword</term><description>Error code</description></listheader>
/// <item><term>required, minItems, maxItems, multipleOf</term><description><see cref="RpcErrorCode.OccurrenceConstraintViolation"/></description></item>
/// <item><term>type</term><description><see cref="RpcErrorCode.TypeConstraintViolation"/></description></item>
/// <item><term>additionalProperties, enum, pattern</term><description><see cref="RpcErrorCode.PropertyConstraintViolation"/></description></item>
/// <item><term>maxLength, minLength, maximum, minimum, format</term><description><see cref="RpcErrorCode.FormatViolation"/></description></item>
/// </list>
/// Supported keywords: <c>type</c> (a name or an array of names; <c>integer</c> means a number
/// written without fraction or exponent), <c>properties</c>, <c>required</c>,
/// <c>additionalProperties</c> (boolean or schema), <c>enum</c>, <c>minLength</c>/<c>maxLength</c>
/// (in code points), <c>minimum</c>/<c>maximum</c>, <c>multipleOf</c>, <c>pattern</c>,
/// <c>format</c> (<c>date-time</c> per RFC 3339 with an offset or Z, <c>uri</c> absolute),
/// <c>items</c> (single schema), <c>minItems</c>/<c>maxItems</c> and local <c>$ref</c>. Annotations
/// (<c>title</c>, <c>description</c>, <c>$comment</c>, <c>javaType</c>, <c>default</c>, …) are
/// ignored; any other keyword makes loading fail.
/// </remarks>
public sealed class OcppSchemaValidator
{
    private const string ResourcePrefix = "schemas/";

    private static readonly Lazy<OcppSchemaValidator> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    // Indexed by SlotOf(version, kind): each action's schema, compiled on first use.
    private readonly Dictionary<string, Lazy<SchemaNode>>[] _schemas;

    private OcppSchemaValidator(Dictionary<string, Lazy<SchemaNode>>[] schemas) => _schemas = schemas;

    /// <summary>The validator over the schemas embedded in this assembly, loaded on first use.</summary>
    public static OcppSchemaValidator Default => LazyDefault.Value;

    /// <summary>Whether a schema exists for the given payload.</summary>
    public bool HasSchema(OcppVersion version, string action, OcppPayloadKind kind) =>
        _schemas[SlotOf(version, kind)].ContainsKey(action);

    /// <summary>The actions that have a schema for the given payload kind, in no particular order.</summary>
    public IReadOnlyCollection<string> GetActions(OcppVersion version, OcppPayloadKind kind) =>
        _schemas[SlotOf(version, kind)].Keys;

    /// <summary>
    /// Validates <paramref name="payload"/> against the action's schema. Returns null when it is
    /// valid, else the first violation; an action without a schema yields
    /// <see cref="RpcErrorCode.NotImplemented"/>.
    /// </summary>
    public OcppValidationError? Validate(OcppVersion version, string action, OcppPayloadKind kind, JsonElement payload)
    {
        if (!_schemas[SlotOf(version, kind)].TryGetValue(action, out var schema))
        {
            return new OcppValidationError(
                RpcErrorCode.NotImplemented,
                "$schema",
                "$",
                $"No {version.DisplayName()} {kind} schema for action '{action}'.");
        }

        return schema.Value.Validate(payload)?.ToError();
    }

    /// <summary>The error code a failed JSON-Schema keyword maps to; see the table on <see cref="OcppSchemaValidator"/>.</summary>
    public static RpcErrorCode CodeFor(string keyword) => keyword switch
    {
        "required" or "minItems" or "maxItems" or "multipleOf" => RpcErrorCode.OccurrenceConstraintViolation,
        "type" => RpcErrorCode.TypeConstraintViolation,
        "additionalProperties" or "enum" or "pattern" => RpcErrorCode.PropertyConstraintViolation,
        _ => RpcErrorCode.FormatViolation,
    };

    /// <summary>Builds a validator from schema documents; used for the embedded set and by tests.</summary>
    internal static OcppSchemaValidator Create(IEnumerable<(OcppVersion Version, string Action, OcppPayloadKind Kind, JsonElement Schema)> schemas)
    {
        var slots = EmptySlots();
        foreach (var (version, action, kind, schema) in schemas)
        {
            var compiled = SchemaCompiler.Compile(schema, NameOf(version, action, kind));
            slots[SlotOf(version, kind)].Add(action, new Lazy<SchemaNode>(() => compiled));
        }

        return new OcppSchemaValidator(slots);
    }

    private static Dictionary<string, Lazy<SchemaNode>>[] EmptySlots() =>
        [.. Enumerable.Range(0, 4).Select(_ => new Dictionary<string, Lazy<SchemaNode>>(StringComparer.Ordinal))];

    private static int SlotOf(OcppVersion version, OcppPayloadKind kind) => ((int)version * 2) + (int)kind;

    private static string NameOf(OcppVersion version, string action, OcppPayloadKind kind) => $"{version.DisplayName()}/{action}{kind}";

    private static OcppSchemaValidator LoadEmbedded()
    {
        var assembly = typeof(OcppSchemaValidator).Assembly;
        var slots = EmptySlots();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (TryDescribe(resource, out var version, out var action, out var kind))
            {
                slots[SlotOf(version, kind)].Add(action, new Lazy<SchemaNode>(
                    () => CompileEmbedded(assembly, resource, NameOf(version, action, kind)), LazyThreadSafetyMode.ExecutionAndPublication));
            }
        }

        return slots.Any(slot => slot.Count > 0)
            ? new OcppSchemaValidator(slots)
            : throw new InvalidOperationException("No OCPP schemas are embedded in " + assembly.GetName().Name + ".");
    }

    private static SchemaNode CompileEmbedded(Assembly assembly, string resource, string name)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded schema {resource} cannot be opened.");
        using var document = JsonDocument.Parse(stream);
        return SchemaCompiler.Compile(document.RootElement, name);
    }

    /// <summary>
    /// Reads a resource name: <c>schemas/1.6/{Action}.json</c> / <c>{Action}Response.json</c> and
    /// <c>schemas/2.0.1/{Action}Request.json</c> / <c>{Action}Response.json</c>.
    /// </summary>
    private static bool TryDescribe(string resource, out OcppVersion version, out string action, out OcppPayloadKind kind)
    {
        version = default;
        action = string.Empty;
        kind = default;
        if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".json", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = resource[ResourcePrefix.Length..^".json".Length];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return false;
        }

        var file = rest[(slash + 1)..];
        switch (rest[..slash])
        {
            case "1.6":
                version = OcppVersion.V16;
                (action, kind) = file.EndsWith("Response", StringComparison.Ordinal)
                    ? (file[..^"Response".Length], OcppPayloadKind.Response)
                    : (file, OcppPayloadKind.Request);
                return true;
            case "2.0.1":
                version = OcppVersion.V201;
                if (file.EndsWith("Request", StringComparison.Ordinal))
                {
                    (action, kind) = (file[..^"Request".Length], OcppPayloadKind.Request);
                    return true;
                }

                if (file.EndsWith("Response", StringComparison.Ordinal))
                {
                    (action, kind) = (file[..^"Response".Length], OcppPayloadKind.Response);
                    return true;
                }

                return false;
            default:
                return false;
        }
    }
}
