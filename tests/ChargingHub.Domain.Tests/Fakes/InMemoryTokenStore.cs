using System.Collections.Concurrent;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Tokens;

namespace ChargingHub.Domain.Tests.Fakes;

public sealed class InMemoryTokenStore : ITokenStore
{
    private readonly ConcurrentDictionary<string, IdToken> _tokens = new(StringComparer.OrdinalIgnoreCase);

    public Task<IdToken?> GetAsync(string idTag, CancellationToken ct) =>
        Task.FromResult(_tokens.TryGetValue(idTag, out var token) ? token : null);

    public Task<IReadOnlyList<IdToken>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<IdToken>>(_tokens.Values.OrderBy(t => t.IdTag, StringComparer.OrdinalIgnoreCase).ToList());

    public Task SaveAsync(IdToken token, CancellationToken ct)
    {
        _tokens[token.IdTag] = token;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string idTag, CancellationToken ct) => Task.FromResult(_tokens.TryRemove(idTag, out _));
}
