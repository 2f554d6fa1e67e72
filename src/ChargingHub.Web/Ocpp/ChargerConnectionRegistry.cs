using System.Collections.Concurrent;

namespace ChargingHub.Web.Ocpp;

/// <summary>
/// The open charger connections, one per charger id. The duplicate-identity policy lives here: an
/// authenticated connection replaces an older one (the charger rebooted or its old TCP connection is half
/// open); an unauthenticated one is refused while the old one is open, so a stranger who knows the id of a
/// charger without a password cannot take it over. Dead connections are found by WebSocket pings and leave.
/// </summary>
public sealed class ChargerConnectionRegistry
{
    private readonly ConcurrentDictionary<string, ChargerSession> _sessions = new(StringComparer.Ordinal);

    public bool IsConnected(string chargerId) => _sessions.ContainsKey(chargerId);

    public ChargerSession? Find(string chargerId) => _sessions.GetValueOrDefault(chargerId);

    public int Count => _sessions.Count;

    public IEnumerable<ChargerSession> All => _sessions.Values;

    /// <summary>Whether a new connection for this id may be accepted at all (checked before the WebSocket handshake).</summary>
    public bool MayConnect(string chargerId, bool authenticated) => authenticated || !_sessions.ContainsKey(chargerId);

    /// <summary>
    /// Registers the session. An authenticated session replaces the current one, which is returned for the caller
    /// to close; an unauthenticated one only gets in when no session is open (false otherwise).
    /// </summary>
    public bool TryRegister(ChargerSession session, out ChargerSession? replaced)
    {
        replaced = null;
        if (!session.Authenticated)
        {
            return _sessions.TryAdd(session.ChargerId, session);
        }

        ChargerSession? old = null;
        _sessions.AddOrUpdate(session.ChargerId, session, (_, existing) =>
        {
            old = existing;
            return session;
        });
        replaced = old;
        return true;
    }

    /// <summary>Removes the session if it is still the current one for its charger; false when a newer one replaced it.</summary>
    public bool Remove(ChargerSession session) =>
        _sessions.TryRemove(new KeyValuePair<string, ChargerSession>(session.ChargerId, session));
}
