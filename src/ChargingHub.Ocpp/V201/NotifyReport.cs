namespace ChargingHub.Ocpp.V201;

/// <summary>NotifyReportRequest: one part of a device model report requested with GetBaseReport.</summary>
public sealed record NotifyReportRequest
{
    public required int RequestId { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    public IReadOnlyList<ReportDataType>? ReportData { get; init; }

    /// <summary>"To be continued": more parts of this report follow.</summary>
    public bool? Tbc { get; init; }

    public required int SeqNo { get; init; }
}

/// <summary>NotifyReportResponse (empty).</summary>
public sealed record NotifyReportResponse;
