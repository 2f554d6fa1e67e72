using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace ChargingHub.Infrastructure.Sqlite;

/// <summary>One schema change: an embedded <c>Migrations/NNNN_name.sql</c> script.</summary>
public sealed record Migration(int Version, string Name, string Script);

/// <summary>
/// Brings the database to the newest schema: applies, in version order, each embedded migration that
/// <c>schema_migrations</c> does not list yet, each in its own write transaction together with its record.
/// Running it again is a no-op.
/// </summary>
public sealed partial class DatabaseMigrator(SqliteDatabase database, TimeProvider time, ILogger<DatabaseMigrator> logger)
{
    private const string ResourcePrefix = "Migrations/";

    private const string CreateJournal = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER NOT NULL PRIMARY KEY,
            name        TEXT    NOT NULL,
            applied_at  TEXT    NOT NULL
        )
        """;

    /// <summary>The migrations shipped in this assembly, oldest first.</summary>
    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    /// <summary>Applies the pending migrations and returns the versions it applied (empty when up to date).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct)
    {
        var applied = new List<int>();
        foreach (var migration in Embedded)
        {
            // Checked inside the write transaction, so two hubs started on one file cannot both apply it.
            var done = await database.WriteAsync(async session =>
            {
                await session.ExecuteAsync(CreateJournal).ConfigureAwait(false);
                var exists = await session.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version", new { migration.Version }).ConfigureAwait(false);
                if (exists > 0)
                {
                    return false;
                }

                await session.ExecuteAsync(migration.Script).ConfigureAwait(false);
                await session.ExecuteAsync(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                    new { migration.Version, migration.Name, AppliedAt = SqliteTime.ToText(time.GetUtcNow()) }).ConfigureAwait(false);
                return true;
            }, ct).ConfigureAwait(false);

            if (done)
            {
                LogApplied(logger, migration.Version, migration.Name);
                applied.Add(migration.Version);
            }
        }

        return applied;
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Read(assembly, n))
            .OrderBy(m => m.Version)
            .ToList();

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        }

        return migrations;
    }

    private static Migration Read(Assembly assembly, string resourceName)
    {
        var name = resourceName[ResourcePrefix.Length..^".sql".Length];
        var separator = name.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(name[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration '{resourceName}' must be named NNNN_description.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, name, reader.ReadToEnd());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Version} ({Name})")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
