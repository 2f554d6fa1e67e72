namespace ChargingHub.Infrastructure.Sqlite;

/// <summary>The extended result codes the stores translate (https://sqlite.org/rescode.html).</summary>
internal static class SqliteErrorCodes
{
    public const int ConstraintPrimaryKey = 1555;
    public const int ConstraintUnique = 2067;
}
