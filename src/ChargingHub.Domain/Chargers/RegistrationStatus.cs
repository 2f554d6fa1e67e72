namespace ChargingHub.Domain.Chargers;

/// <summary>Whether an admin has let a charger in (<see cref="Accepted"/>) or it waits for approval.</summary>
public enum RegistrationStatus
{
    Pending,
    Accepted,
}
