using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Reservations;

namespace ChargingHub.Web.Ui;

/// <summary>How a connector's state reads on a page, and the tone it is shown in.</summary>
public enum StatusTone
{
    Free,
    Reserved,
    Busy,
    Problem,
    Unknown,
}

/// <summary>Plain words for OCPP states, reservation outcomes and connector types.</summary>
public static class StatusWords
{
    public static (string Text, StatusTone Tone) Connector(string status, bool online, bool reservedByHub)
    {
        if (!online)
        {
            return ("Offline", StatusTone.Unknown);
        }

        if (reservedByHub && status is ConnectorStatus.Available or ConnectorStatus.Unknown or ConnectorStatus.Reserved)
        {
            return ("Reserved", StatusTone.Reserved);
        }

        return status switch
        {
            ConnectorStatus.Available => ("Available", StatusTone.Free),
            ConnectorStatus.Reserved => ("Reserved", StatusTone.Reserved),
            "Charging" => ("Charging", StatusTone.Busy),
            "Preparing" => ("Preparing (plugged in)", StatusTone.Busy),
            "SuspendedEV" => ("Charging paused by the car", StatusTone.Busy),
            "SuspendedEVSE" => ("Charging paused by the charger", StatusTone.Busy),
            "Finishing" => ("Finishing", StatusTone.Busy),
            ConnectorStatus.Occupied => ("Occupied", StatusTone.Busy),
            ConnectorStatus.Faulted => ("Faulted", StatusTone.Problem),
            ConnectorStatus.Unavailable => ("Unavailable", StatusTone.Problem),
            ConnectorStatus.Unknown => ("Status not reported yet", StatusTone.Unknown),
            _ => (status, StatusTone.Unknown),
        };
    }

    /// <summary>Whether a new reservation makes sense on a connector in this state (a charger would decline it otherwise).</summary>
    public static bool IsReservable(string status) => status is ConnectorStatus.Available or ConnectorStatus.Unknown;

    /// <summary>The charger's (or the hub's) answer to a reservation request, in words.</summary>
    public static string ReserveAnswer(ChargerReserveStatus status) => status switch
    {
        ChargerReserveStatus.Occupied => "This charger is busy (Occupied)",
        ChargerReserveStatus.Faulted => "This charger has a fault (Faulted)",
        ChargerReserveStatus.Unavailable => "This charger is unavailable (Unavailable)",
        ChargerReserveStatus.Rejected => "The charger refused the reservation (Rejected)",
        _ => status.ToString(),
    };

    public static string Reservation(ReservationStatus status) => status switch
    {
        ReservationStatus.Pending => "Waiting for the charger",
        ReservationStatus.Active => "Active",
        ReservationStatus.Used => "Used",
        ReservationStatus.Expired => "Expired",
        ReservationStatus.Canceled => "Canceled",
        ReservationStatus.Removed => "Removed",
        ReservationStatus.Declined => "Declined",
        ReservationStatus.Failed => "Failed",
        _ => status.ToString(),
    };

    /// <summary>Who keeps a charger's reservations.</summary>
    public static string Support(ReservationSupport support) => support switch
    {
        ReservationSupport.Charger => "kept by the charger",
        ReservationSupport.Hub => "enforced by the hub (the charger has no reservation support)",
        ReservationSupport.None => "not offered on this charger",
        _ => "not known yet (treated as kept by the charger)",
    };

    /// <summary>OCPP 2.0.1 connector types as people call them.</summary>
    public static string ConnectorType(string? type) => type switch
    {
        null or "" => "",
        "cType1" => "Type 1",
        "cType2" => "Type 2",
        "sType2" => "Type 2 socket",
        "sType3" => "Type 3 socket",
        "cCCS1" => "CCS1",
        "cCCS2" => "CCS2",
        "cG105" => "CHAdeMO",
        "cTesla" => "Tesla",
        "sCEE-7-7" => "Schuko",
        _ => type,
    };

    /// <summary>"25 min left", "1 h 5 min left", "less than a minute left".</summary>
    public static string TimeLeft(DateTimeOffset now, DateTimeOffset until)
    {
        var left = until - now;
        if (left <= TimeSpan.Zero)
        {
            return "ending now";
        }

        var minutes = (int)Math.Ceiling(left.TotalMinutes);
        if (minutes <= 1)
        {
            return "less than a minute left";
        }

        return minutes < 60
            ? $"{minutes} min left"
            : minutes % 60 == 0 ? $"{minutes / 60} h left" : $"{minutes / 60} h {minutes % 60} min left";
    }
}
