using ChargingHub.Infrastructure.Accounts;

namespace ChargingHub.Web.Security;

/// <summary>
/// API keys look like <c>chk_&lt;prefix&gt;_&lt;secret&gt;</c>. The prefix finds the stored key; only the key's SHA-256
/// is kept, so a leaked database reveals no usable key. A key is shown once, when it is created.
/// </summary>
public sealed class ApiKeys(ApiKeyStore store, TimeProvider time)
{
    private const string Scheme = "chk";

    /// <summary>Creates a key and returns it with its plain text, which is never shown again.</summary>
    public async Task<(ApiKey Key, string PlainText)> CreateAsync(string name, CancellationToken ct)
    {
        // The prefix must not contain the separator '_' (base64url may produce it), or the key could never be found again.
        var prefix = SecretHasher.NewSecret(6)[..8].Replace('_', '-');
        var plain = $"{Scheme}_{prefix}_{SecretHasher.NewSecret(24)}";
        var key = await store.AddAsync(new ApiKey
        {
            Name = name,
            Prefix = prefix,
            KeyHash = SecretHasher.HashToken(plain),
            CreatedAt = time.GetUtcNow(),
        }, ct);
        return (key, plain);
    }

    /// <summary>The name of the live key matching <paramref name="token"/>, or null.</summary>
    public async Task<string?> FindActiveAsync(string token, CancellationToken ct)
    {
        var parts = token.Split('_', 3);
        if (parts.Length != 3 || parts[0] != Scheme)
        {
            return null;
        }

        var hash = SecretHasher.HashToken(token);
        foreach (var candidate in await store.FindLiveByPrefixAsync(parts[1], ct))
        {
            if (SecretHasher.FixedTimeEquals(candidate.KeyHash, hash))
            {
                return candidate.Name;
            }
        }

        return null;
    }

    public Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct) => store.ListAsync(ct);

    public Task<bool> RevokeAsync(long id, CancellationToken ct) => store.RevokeAsync(id, time.GetUtcNow(), ct);
}
