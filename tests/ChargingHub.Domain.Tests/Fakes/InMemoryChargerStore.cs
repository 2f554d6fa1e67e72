using System.Collections.Concurrent;
using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Ports;

namespace ChargingHub.Domain.Tests.Fakes;

/// <summary>An <see cref="IChargerStore"/> in memory.</summary>
public sealed class InMemoryChargerStore : IChargerStore
{
    private readonly ConcurrentDictionary<string, Charger> _chargers = new(StringComparer.Ordinal);

    public Task<Charger?> GetAsync(string chargerId, CancellationToken ct) =>
        Task.FromResult(_chargers.TryGetValue(chargerId, out var charger) ? charger : null);

    public Task<IReadOnlyList<Charger>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Charger>>(_chargers.Values.OrderBy(c => c.Id, StringComparer.Ordinal).ToList());

    public Task AddAsync(Charger charger, CancellationToken ct)
    {
        if (!_chargers.TryAdd(charger.Id, charger))
        {
            throw new InvalidOperationException($"Charger '{charger.Id}' exists.");
        }

        return Task.CompletedTask;
    }

    public Task UpdateAsync(Charger charger, CancellationToken ct)
    {
        if (!_chargers.ContainsKey(charger.Id))
        {
            throw new InvalidOperationException($"Charger '{charger.Id}' is not stored.");
        }

        _chargers[charger.Id] = charger;
        return Task.CompletedTask;
    }

    public Task SaveConnectorAsync(string chargerId, Connector connector, CancellationToken ct)
    {
        var charger = _chargers[chargerId];
        lock (charger.Connectors)
        {
            var known = charger.FindConnector(connector.ConnectorId);
            charger.Connectors.RemoveAll(c => c.ConnectorId == connector.ConnectorId);
            charger.Connectors.Add(connector with { ConnectorType = connector.ConnectorType ?? known?.ConnectorType });
        }

        return Task.CompletedTask;
    }

    public Task SaveLastSeenAsync(string chargerId, DateTimeOffset at, CancellationToken ct)
    {
        var charger = _chargers[chargerId];
        lock (charger.Connectors)
        {
            if (charger.LastSeen is null || at > charger.LastSeen)
            {
                charger.LastSeen = at;
            }
        }

        return Task.CompletedTask;
    }
}
