using ChargingHub.Domain.Chargers;
using ChargingHub.Ocpp;

namespace ChargingHub.Web.Ocpp;

/// <summary>
/// What the 1.6 and 2.0.1 handlers share: every call counts as "seen", BootNotification is always answered,
/// and a charger that is not accepted yet may do nothing else.
/// </summary>
public abstract class ChargerCallHandler(ChargerSession session, OcppHubServices hub) : IOcppCallHandler
{
    protected OcppHubServices Hub => hub;

    protected string ChargerId => session.ChargerId;

    public async ValueTask<OcppResult> HandleAsync(OcppIncomingCall call, CancellationToken ct)
    {
        await hub.Chargers.SeenAsync(ChargerId, ct);
        if (call.Action == "BootNotification")
        {
            return await BootAsync(call, ct);
        }

        if (!session.Accepted)
        {
            throw NotAccepted();
        }

        return await DispatchAsync(call, ct);
    }

    /// <summary>The CALLERROR a charger that is not accepted gets for anything but BootNotification.</summary>
    protected abstract OcppException NotAccepted();

    protected abstract ValueTask<OcppResult> BootAsync(OcppIncomingCall call, CancellationToken ct);

    protected abstract ValueTask<OcppResult> DispatchAsync(OcppIncomingCall call, CancellationToken ct);

    /// <summary>Stores what the charger said about itself; true when it is accepted, which starts the post-boot setup.</summary>
    protected async Task<bool> RegisterBootAsync(BootInfo boot, CancellationToken ct)
    {
        var accepted = await hub.Chargers.OnBootAsync(ChargerId, boot, ct) == RegistrationStatus.Accepted;
        session.Accepted = accepted;
        if (accepted)
        {
            hub.Setup.AfterBoot(session);
        }

        return accepted;
    }

    /// <summary>The heartbeat interval for an accepted charger; the boot retry interval for a pending one.</summary>
    protected static int IntervalFor(bool accepted) => accepted ? OcppHubServices.HeartbeatSeconds : OcppHubServices.PendingRetrySeconds;
}
