namespace ChargingHub.Ocpp.V201;

/// <summary>GetVariablesRequest.</summary>
public sealed record GetVariablesRequest
{
    public required IReadOnlyList<GetVariableDataType> GetVariableData { get; init; }
}

/// <summary>GetVariablesResponse.</summary>
public sealed record GetVariablesResponse
{
    public required IReadOnlyList<GetVariableResultType> GetVariableResult { get; init; }
}
