using System.Globalization;

namespace ChargingHub.Benchmarks;

/// <summary><c>--name value</c> pairs from the command line.</summary>
internal sealed class BenchOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public static BenchOptions Parse(IEnumerable<string> args)
    {
        var options = new BenchOptions();
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    options._values[pending] = "true";
                }

                pending = arg[2..];
            }
            else if (pending is not null)
            {
                options._values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new BenchmarkException($"Unexpected argument '{arg}'.");
            }
        }

        if (pending is not null)
        {
            options._values[pending] = "true";
        }

        return options;
    }

    /// <summary>The published hub (the output of build/publish.sh).</summary>
    public string HubDirectory =>
        _values.TryGetValue("hub", out var dir) && File.Exists(Path.Combine(dir, "ChargingHub.Web.dll"))
            ? Path.GetFullPath(dir)
            : throw new BenchmarkException("--hub must name a published hub directory (build/publish.sh linux-x64 <dir>).");

    /// <summary>
    /// <c>--hub-env "KEY=VALUE;KEY2=VALUE2"</c>: extra environment for the hub process, to try a setting (for
    /// example <c>DOTNET_gcServer=0</c> or <c>Hub__Ocpp__CallTimeoutSeconds=30</c>) without rebuilding.
    /// </summary>
    public IReadOnlyDictionary<string, string> HubEnvironment =>
        (GetString("hub-env") ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "", StringComparer.Ordinal);

    public int GetInt(string name, int fallback) =>
        _values.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public double GetDouble(string name, double fallback) =>
        _values.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public string? GetString(string name) => _values.GetValueOrDefault(name);
}
