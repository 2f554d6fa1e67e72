namespace ChargingHub.Ocpp.V16;

/// <summary>GetConfiguration.req: the keys to read, or all keys when <see cref="Key"/> is absent.</summary>
public sealed record GetConfigurationRequest
{
    public IReadOnlyList<string>? Key { get; init; }
}

/// <summary>GetConfiguration.conf.</summary>
public sealed record GetConfigurationResponse
{
    public IReadOnlyList<KeyValue>? ConfigurationKey { get; init; }

    public IReadOnlyList<string>? UnknownKey { get; init; }
}
