using ChargingHub.Domain;
using ChargingHub.Domain.Chargers;
using ChargingHub.Ocpp;
using ChargingHub.Ocpp.V16;
using ChargingHub.Ocpp.V201;

namespace ChargingHub.Web.Ocpp;

/// <summary>
/// What the hub asks a charger once it is accepted: whether it keeps reservations itself (1.6
/// SupportedFeatureProfiles, 2.0.1 ReservationCtrlr) and its current connector statuses (TriggerMessage).
/// </summary>
public sealed partial class ChargerSetup(ChargerGateway gateway, ChargerService chargers, TimeProvider time, ILogger<ChargerSetup> logger)
{
    /// <summary>Lets the BootNotification answer reach the charger before the hub's own calls do.</summary>
    private static readonly TimeSpan GraceAfterBoot = TimeSpan.FromMilliseconds(300);

    public void AfterBoot(ChargerSession session)
    {
        if (session.TryStartSetup())
        {
            _ = Task.Run(() => RunAsync(session));
        }
    }

    private async Task RunAsync(ChargerSession session)
    {
        try
        {
            await Task.Delay(GraceAfterBoot, time);
            if (session.Version == OcppVersion.V16)
            {
                await LearnReservationSupport16Async(session.ChargerId);
                await gateway.CallAsync(session.ChargerId, Ocpp16Actions.TriggerMessage,
                    new ChargingHub.Ocpp.V16.TriggerMessageRequest { RequestedMessage = MessageTrigger.StatusNotification }, CancellationToken.None);
            }
            else
            {
                await LearnReservationSupport201Async(session.ChargerId);
                await gateway.CallAsync(session.ChargerId, Ocpp201Actions.TriggerMessage,
                    new ChargingHub.Ocpp.V201.TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.StatusNotification }, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is HubException or OcppCallErrorException or OcppException)
        {
            // A charger that cannot answer these is still usable; reservations then stay "unknown" (sent to the charger).
            LogSetupFailed(logger, session.ChargerId, ex.Message);
        }
    }

    private async Task LearnReservationSupport16Async(string chargerId)
    {
        var config = await gateway.CallAsync(chargerId, Ocpp16Actions.GetConfiguration,
            new GetConfigurationRequest { Key = ["SupportedFeatureProfiles", "ReserveConnectorZeroSupported"] }, CancellationToken.None);
        var values = (config.ConfigurationKey ?? []).ToDictionary(k => k.Key, k => k.Value, StringComparer.OrdinalIgnoreCase);
        var support = values.TryGetValue("SupportedFeatureProfiles", out var profiles) && profiles is not null
            ? profiles.Split(',', StringSplitOptions.TrimEntries).Contains("Reservation", StringComparer.OrdinalIgnoreCase)
                ? ReservationSupport.Charger
                : ReservationSupport.Hub
            : ReservationSupport.Unknown;
        bool? anyConnector = values.TryGetValue("ReserveConnectorZeroSupported", out var zero) && bool.TryParse(zero, out var z) ? z : null;
        await chargers.SetReservationSupportAsync(chargerId, support, anyConnector, CancellationToken.None);
    }

    private async Task LearnReservationSupport201Async(string chargerId)
    {
        var component = new ComponentType { Name = "ReservationCtrlr" };
        var answer = await gateway.CallAsync(chargerId, Ocpp201Actions.GetVariables, new GetVariablesRequest
        {
            GetVariableData =
            [
                new GetVariableDataType { Component = component, Variable = new VariableType { Name = "Enabled" } },
                new GetVariableDataType { Component = component, Variable = new VariableType { Name = "NonEvseSpecific" } },
            ],
        }, CancellationToken.None);
        bool? Read(string name) => answer.GetVariableResult
            .Where(r => r.Variable.Name == name && r.AttributeStatus == GetVariableStatusEnumType.Accepted)
            .Select(r => bool.TryParse(r.AttributeValue, out var value) ? value : (bool?)null)
            .FirstOrDefault();

        // A station that does not report ReservationCtrlr at all is "unknown", not "no" (field behaviour).
        var support = Read("Enabled") switch
        {
            true => ReservationSupport.Charger,
            false => ReservationSupport.Hub,
            null => ReservationSupport.Unknown,
        };
        await chargers.SetReservationSupportAsync(chargerId, support, Read("NonEvseSpecific"), CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not finish setting up charger {ChargerId}: {Reason}")]
    private static partial void LogSetupFailed(ILogger logger, string chargerId, string reason);
}
