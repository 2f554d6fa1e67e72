using ChargingHub.Benchmarks;

// The hub's performance benchmarks; see docs/benchmarks.md. build/bench.sh builds everything and runs them.
//   ChargingHub.Benchmarks <benchmark> --hub <published hub directory> [--option value ...]
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(BenchmarkCatalog.Usage);
    return args.Length == 0 ? 2 : 0;
}

var options = BenchOptions.Parse(args.Skip(1));
if (args[0] == EchoServer.CommandName)
{
    await EchoServer.RunAsync(options.GetInt("port", 0), options.GetString("zero-byte-reads") == "true", options.GetString("raw-handshake") == "true");
    return 0;
}

if (!BenchmarkCatalog.TryGet(args[0], out var benchmark))
{
    await Console.Error.WriteLineAsync($"Unknown benchmark '{args[0]}'.{Environment.NewLine}{BenchmarkCatalog.Usage}");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    var report = await benchmark.RunAsync(options, stop.Token);
    report.Print(Console.Out);
    return 0;
}
catch (BenchmarkException ex)
{
    await Console.Error.WriteLineAsync($"{args[0]}: {ex.Message}");
    return 1;
}
