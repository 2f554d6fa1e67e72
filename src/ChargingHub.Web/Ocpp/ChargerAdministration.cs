using ChargingHub.Domain;
using ChargingHub.Domain.Chargers;
using ChargingHub.Ocpp;
using ChargingHub.Ocpp.V16;
using ChargingHub.Ocpp.V201;
using ChargingHub.Web.Security;
using RegistrationStatus = ChargingHub.Domain.Chargers.RegistrationStatus;

namespace ChargingHub.Web.Ocpp;

/// <summary>An admin's changes to a charger, shared by the REST API and the admin pages.</summary>
public sealed partial class ChargerAdministration(ChargerService chargers, ChargerGateway gateway, ILogger<ChargerAdministration> logger)
{
    /// <summary>Approves a pending charger and, if it is connected, asks it to boot again so it is accepted now.</summary>
    public async Task<Charger> ApproveAsync(string chargerId, CancellationToken ct)
    {
        var wasPending = false;
        var charger = await chargers.UpdateAsync(chargerId, c =>
        {
            wasPending = c.Registration == RegistrationStatus.Pending;
            c.Registration = RegistrationStatus.Accepted;
        }, ct);
        if (wasPending && gateway.IsConnected(chargerId))
        {
            _ = Task.Run(() => TriggerBootAsync(chargerId));
        }

        return charger;
    }

    /// <summary>Sets (or with null removes) a charger's OCPP password; only its hash is kept.</summary>
    public Task<Charger> SetPasswordAsync(string chargerId, string? password, CancellationToken ct)
    {
        var hash = password is null ? null : SecretHasher.HashPassword(password);
        return chargers.UpdateAsync(chargerId, c => c.PasswordHash = hash, ct);
    }

    private async Task TriggerBootAsync(string chargerId)
    {
        try
        {
            if (gateway.VersionOf(chargerId) == OcppVersion.V201)
            {
                await gateway.CallAsync(chargerId, Ocpp201Actions.TriggerMessage,
                    new ChargingHub.Ocpp.V201.TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.BootNotification }, CancellationToken.None);
            }
            else
            {
                await gateway.CallAsync(chargerId, Ocpp16Actions.TriggerMessage,
                    new ChargingHub.Ocpp.V16.TriggerMessageRequest { RequestedMessage = MessageTrigger.BootNotification }, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is HubException or OcppCallErrorException)
        {
            // The charger will boot again at its retry interval anyway.
            LogTriggerFailed(logger, chargerId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not ask approved charger {ChargerId} to boot again: {Reason}")]
    private static partial void LogTriggerFailed(ILogger logger, string chargerId, string reason);
}
