namespace ChargingHub.Infrastructure.OcppLog;

/// <summary>Which way an OCPP frame went, seen from the hub.</summary>
public enum OcppMessageDirection
{
    /// <summary>From the charger to the hub.</summary>
    Received,

    /// <summary>From the hub to the charger.</summary>
    Sent,
}

/// <summary>One logged OCPP frame, as it went over the wire.</summary>
public sealed record OcppLogEntry(long Id, string ChargerId, DateTimeOffset At, OcppMessageDirection Direction, string Text);

public sealed class OcppMessageLogOptions
{
    /// <summary>How many of the newest frames are kept per charger.</summary>
    public int KeepPerCharger { get; set; } = 200;

    /// <summary>Frames waiting for the writer; beyond this the oldest waiting ones are dropped.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>The most frames written in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>How long frames gather after a batch that was not full, before the next is written.</summary>
    public TimeSpan GatherWindow { get; set; } = TimeSpan.FromMilliseconds(100);
}
