using ChargingHub.Ocpp;

namespace ChargingHub.Web.Ocpp;

/// <summary>One open OCPP connection of a charger.</summary>
public sealed class ChargerSession(string chargerId, OcppVersion version, bool authenticated, bool accepted, DateTimeOffset connectedAt)
{
    private volatile bool _accepted = accepted;

    public string ChargerId { get; } = chargerId;

    public OcppVersion Version { get; } = version;

    /// <summary>Whether the charger proved its identity with its password (security profile 1/2).</summary>
    public bool Authenticated { get; } = authenticated;

    public DateTimeOffset ConnectedAt { get; } = connectedAt;

    /// <summary>
    /// Whether the charger may do more than boot. Starts from its stored registration (a known charger that
    /// reconnects need not boot again) and turns true when a BootNotification is answered Accepted.
    /// </summary>
    public bool Accepted
    {
        get => _accepted;
        set => _accepted = value;
    }

    private int _setupStarted;

    /// <summary>True the first time only: the post-boot questions are asked once per connection.</summary>
    public bool TryStartSetup() => Interlocked.Exchange(ref _setupStarted, 1) == 0;

    /// <summary>Set once the socket is accepted and the RPC connection exists.</summary>
    public OcppRpcConnection? Connection { get; set; }
}
