using System.Globalization;
using System.Text.Json;

namespace ChargingHub.Benchmarks;

/// <summary>What a benchmark prints: a small table for people and one JSON line for scripts.</summary>
internal sealed class BenchReport(string benchmark, string setup)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly List<(string Metric, string Value, string Target, string Verdict)> _rows = [];
    private readonly Dictionary<string, object?> _figures = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];

    public string LoadBefore { get; init; } = Machine.LoadAverage();

    public string LoadAfter { get; set; } = "";

    /// <summary>A figure with no target (context, such as the baseline).</summary>
    public void Add(string metric, string key, double value, string unit, int decimals = 0)
    {
        _rows.Add((metric, Format(value, unit, decimals), "", ""));
        _figures[key] = Math.Round(value, decimals + 2);
    }

    /// <summary>A figure measured against a target: met when <paramref name="met"/> says so.</summary>
    public void AddTarget(string metric, string key, double value, string unit, string target, bool met, int decimals = 0)
    {
        _rows.Add((metric, Format(value, unit, decimals), target, met ? "met" : "MISSED"));
        _figures[key] = Math.Round(value, decimals + 2);
        _figures[key + "_met"] = met;
    }

    public void AddRaw(string key, object? value) => _figures[key] = value;

    public void Note(string note) => _notes.Add(note);

    public void Print(TextWriter output)
    {
        LoadAfter = Machine.LoadAverage();
        output.WriteLine();
        output.WriteLine($"== {benchmark}: {setup}");
        var metricWidth = Math.Max(6, _rows.Max(r => r.Metric.Length));
        var valueWidth = Math.Max(5, _rows.Max(r => r.Value.Length));
        var targetWidth = Math.Max(6, _rows.Max(r => r.Target.Length));
        output.WriteLine($"{"metric".PadRight(metricWidth)}  {"value".PadLeft(valueWidth)}  {"target".PadRight(targetWidth)}  verdict");
        foreach (var (metric, value, target, verdict) in _rows)
        {
            output.WriteLine($"{metric.PadRight(metricWidth)}  {value.PadLeft(valueWidth)}  {target.PadRight(targetWidth)}  {verdict}".TrimEnd());
        }

        foreach (var note in _notes)
        {
            output.WriteLine($"note: {note}");
        }

        output.WriteLine($"load average (1, 5, 15 min): before {LoadBefore}; after {LoadAfter}");
        var line = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["benchmark"] = benchmark,
            ["date"] = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["setup"] = setup,
            ["cores"] = Environment.ProcessorCount,
            ["loadBefore"] = LoadBefore,
            ["loadAfter"] = LoadAfter,
            ["figures"] = _figures,
        };
        output.WriteLine(JsonSerializer.Serialize(line, Json));
    }

    private static string Format(double value, string unit, int decimals) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : "");
}

/// <summary>Facts about the machine the figures come from.</summary>
internal static class Machine
{
    /// <summary>The 1, 5 and 15 minute load averages.</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]}, {parts[1]}, {parts[2]}";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>CPU time (user + system) a process has used so far, in seconds; -1 when it cannot be read.</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            // Fields after the command name (which may contain spaces): state is field 3, utime 14, stime 15.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks / 100.0; // USER_HZ
        }
        catch (IOException)
        {
            return -1;
        }
    }

    /// <summary>Private (unshared) resident memory of a process in bytes, from smaps_rollup; -1 when it cannot be read.</summary>
    public static long PrivateBytes(int pid)
    {
        try
        {
            long kb = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
            {
                if (line.StartsWith("Private_Clean:", StringComparison.Ordinal) || line.StartsWith("Private_Dirty:", StringComparison.Ordinal))
                {
                    kb += long.Parse(line[(line.IndexOf(':') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }

            return kb * 1024;
        }
        catch (IOException)
        {
            return -1;
        }
    }

    /// <summary>Resident set size of a process in bytes (VmRSS), or -1 when it cannot be read.</summary>
    public static long ResidentBytes(int pid) => StatusBytes(pid, "VmRSS");

    /// <summary>
    /// One memory figure of <c>/proc/{pid}/status</c> in bytes, or -1 when it cannot be read: <c>RssAnon</c> (heaps,
    /// stacks), <c>RssFile</c> (touched pages of mapped assemblies and libraries), <c>RssShmem</c> (the runtime's
    /// double-mapped executable memory: JIT code, stubs and type data).
    /// </summary>
    public static long StatusBytes(int pid, string field)
    {
        try
        {
            var prefix = field + ":";
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    var kb = line[prefix.Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process is gone.
        }

        return -1;
    }
}
