namespace ChargingHub.Infrastructure.Tests;

/// <summary>Test classes that assert on real elapsed time run after the others, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingSensitive
{
    public const string Name = "Timing-sensitive";
}
