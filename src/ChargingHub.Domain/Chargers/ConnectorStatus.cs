namespace ChargingHub.Domain.Chargers;

/// <summary>
/// Connector status words as chargers report them. 1.6 and 2.0.1 use different vocabularies
/// (1.6: Preparing, Charging, SuspendedEV, …; 2.0.1: Occupied), so statuses stay strings and
/// the hub only interprets the few it acts on.
/// </summary>
public static class ConnectorStatus
{
    public const string Available = "Available";
    public const string Reserved = "Reserved";
    public const string Occupied = "Occupied";
    public const string Faulted = "Faulted";
    public const string Unavailable = "Unavailable";
    public const string Unknown = "Unknown";

    /// <summary>A reservation cannot be kept on a connector in this state (H01.FR.16/17).</summary>
    public static bool EndsReservation(string status) => status is Faulted or Unavailable;
}
