using System.Globalization;
using ChargingHub.Ocpp;

namespace ChargingHub.Simulator;

/// <summary>The simulator's command line.</summary>
public sealed record SimulatorArguments(Uri HubUrl, string ChargerId, OcppVersion Version, int Connectors, string? Password, int Count, bool NoReservations)
{
    public const string Usage = """
        usage: ChargingHub.Simulator [--hub ws://localhost:5000/ocpp] [--id SIM-1] [--version 1.6|2.0.1]
                                     [--connectors 2] [--password SECRET] [--count 1] [--no-reservations]
        """;

    public static SimulatorArguments? Parse(string[] args)
    {
        var hub = new Uri("ws://localhost:5000/ocpp");
        var id = "SIM-1";
        var version = OcppVersion.V16;
        var connectors = 2;
        string? password = null;
        var count = 1;
        var noReservations = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--hub": hub = new Uri(Next()); break;
                    case "--id": id = Next(); break;
                    case "--version":
                        version = Next() switch
                        {
                            "1.6" => OcppVersion.V16,
                            "2.0.1" => OcppVersion.V201,
                            var other => throw new FormatException($"unknown version {other}"),
                        };
                        break;
                    case "--connectors": connectors = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--password": password = Next(); break;
                    case "--count": count = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--no-reservations": noReservations = true; break;
                    default: return null;
                }
            }
            catch (Exception ex) when (ex is FormatException or UriFormatException or OverflowException)
            {
                Console.Error.WriteLine(ex.Message);
                return null;
            }
        }

        return connectors is < 1 or > 50 || count is < 1 or > 10_000 ? null : new SimulatorArguments(hub, id, version, connectors, password, count, noReservations);
    }
}
