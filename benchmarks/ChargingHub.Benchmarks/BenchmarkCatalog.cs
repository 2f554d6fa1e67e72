using System.Diagnostics.CodeAnalysis;
using ChargingHub.Benchmarks.Scenarios;

namespace ChargingHub.Benchmarks;

/// <summary>One benchmark: drives the hub, returns the figures.</summary>
internal interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task<BenchReport> RunAsync(BenchOptions options, CancellationToken ct);
}

/// <summary>
/// Every benchmark by name. The web UI (board) and MQTT benchmarks are added here by the parts that own them;
/// docs/benchmarks.md lists their targets.
/// </summary>
internal static class BenchmarkCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new ThroughputBenchmark(),
        new LatencyBenchmark(),
        new ConnectionsBenchmark(),
        new StartupBenchmark(),
        new ReserveBenchmark(),
        new ExpiryBenchmark(),
        new BoardBenchmark(),
        new MqttBenchmark(),
        new RpcCoreHarness(),
    ];

    public static string Usage =>
        "Usage: ChargingHub.Benchmarks <benchmark> --hub <published hub directory> [--option value ...]" + Environment.NewLine +
        string.Join(Environment.NewLine, All.Select(b => $"  {b.Name,-12} {b.Description}"));

    public static bool TryGet(string name, [NotNullWhen(true)] out IBenchmark? benchmark)
    {
        benchmark = All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));
        return benchmark is not null;
    }
}

/// <summary>A benchmark could not run (the hub did not start, a charger could not connect, …).</summary>
internal sealed class BenchmarkException(string message) : Exception(message);
