using ChargingHub.Ocpp;
using ChargingHub.Simulator;

// A command-line charger: boots, reports its connectors, heartbeats and answers the hub
// (reservations included) until Ctrl+C. See README.md, "Try the hub without a charger".
var arguments = SimulatorArguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine(SimulatorArguments.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var chargers = new List<SimulatedCharger>();
try
{
    for (var n = 1; n <= arguments.Count; n++)
    {
        var id = arguments.Count == 1 ? arguments.ChargerId : $"{arguments.ChargerId}-{n}";
        var charger = new SimulatedCharger(new SimulatorOptions
        {
            ChargerId = id,
            Version = arguments.Version,
            Connectors = arguments.Connectors,
            Password = arguments.Password,
            SupportsReservations = !arguments.NoReservations,
        });
        await charger.ConnectAsync(arguments.HubUrl, stop.Token);
        var registration = await charger.BootAndReportAsync();
        Console.WriteLine($"{id}: connected to {arguments.HubUrl} ({arguments.Version.Subprotocol()}), boot {registration}");
        chargers.Add(charger);
    }

    var printed = chargers.ToDictionary(c => c, _ => 0);
    using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
    var sinceHeartbeat = 0;
    while (await timer.WaitForNextTickAsync(stop.Token))
    {
        foreach (var charger in chargers)
        {
            var calls = charger.Received.All;
            foreach (var call in calls.Skip(printed[charger]))
            {
                Console.WriteLine($"{charger.ChargerId} <- {call.Action} {call.Payload.GetRawText()}");
            }

            printed[charger] = calls.Count;
            if (charger.Completion.IsCompleted)
            {
                Console.Error.WriteLine($"{charger.ChargerId}: the hub closed the connection.");
                return 1;
            }
        }

        if (++sinceHeartbeat >= 60)
        {
            sinceHeartbeat = 0;
            await Task.WhenAll(chargers.Select(c => c.HeartbeatAsync()));
        }
    }
}
catch (OperationCanceledException)
{
    // Ctrl+C
}
catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or HttpRequestException)
{
    Console.Error.WriteLine($"Could not connect to {arguments.HubUrl}: {ex.Message}");
    return 1;
}
finally
{
    foreach (var charger in chargers)
    {
        await charger.DisposeAsync();
    }
}

return 0;
