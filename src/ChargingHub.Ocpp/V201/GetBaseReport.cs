namespace ChargingHub.Ocpp.V201;

/// <summary>GetBaseReportRequest: the station answers with NotifyReport messages carrying <see cref="RequestId"/>.</summary>
public sealed record GetBaseReportRequest
{
    public required int RequestId { get; init; }

    public required ReportBaseEnumType ReportBase { get; init; }
}

/// <summary>GetBaseReportResponse.</summary>
public sealed record GetBaseReportResponse
{
    public required GenericDeviceModelStatusEnumType Status { get; init; }

    public StatusInfoType? StatusInfo { get; init; }
}
