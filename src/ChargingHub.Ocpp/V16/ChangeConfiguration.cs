namespace ChargingHub.Ocpp.V16;

/// <summary>ChangeConfiguration.req.</summary>
public sealed record ChangeConfigurationRequest
{
    public required string Key { get; init; }

    public required string Value { get; init; }
}

/// <summary>ChangeConfiguration.conf.</summary>
public sealed record ChangeConfigurationResponse
{
    public required ConfigurationStatus Status { get; init; }
}
