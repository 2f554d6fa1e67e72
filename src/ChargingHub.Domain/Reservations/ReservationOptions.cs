using System.ComponentModel.DataAnnotations;

namespace ChargingHub.Domain.Reservations;

/// <summary>Configuration section <c>Hub:Reservations</c>.</summary>
public sealed class ReservationOptions
{
    /// <summary>The longest reservation the hub accepts.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Hub:Reservations:MaxDuration must be between 00:01:00 and 30.00:00:00.")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromHours(24);
}
