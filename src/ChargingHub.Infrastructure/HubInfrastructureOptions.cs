using ChargingHub.Infrastructure.OcppLog;

namespace ChargingHub.Infrastructure;

/// <summary>Where and how the hub keeps its data.</summary>
public sealed class HubInfrastructureOptions
{
    /// <summary>The data directory (<c>Hub:DataDirectory</c>); created if missing.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The SQLite file inside <see cref="DataDirectory"/>.</summary>
    public string DatabaseFileName { get; init; } = Sqlite.SqliteDatabase.DefaultFileName;

    public OcppMessageLogOptions OcppLog { get; init; } = new();

    /// <summary>
    /// How many reservation expiries may run at once. An expiry is a few milliseconds of database work, and
    /// the writes queue on one lock anyway; this many keeps a burst (a thousand reservations ending in the
    /// same second) well inside a second without piling up waiters.
    /// </summary>
    public int ExpiryConcurrency { get; init; } = 16;

    public string DatabasePath => Path.Combine(DataDirectory, DatabaseFileName);
}
