namespace ChargingHub.Ocpp.V201;

/// <summary>SetVariablesRequest.</summary>
public sealed record SetVariablesRequest
{
    public required IReadOnlyList<SetVariableDataType> SetVariableData { get; init; }
}

/// <summary>SetVariablesResponse.</summary>
public sealed record SetVariablesResponse
{
    public required IReadOnlyList<SetVariableResultType> SetVariableResult { get; init; }
}
