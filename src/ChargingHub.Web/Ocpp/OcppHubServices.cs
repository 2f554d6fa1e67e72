using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;
using ChargingHub.Domain.Tokens;

namespace ChargingHub.Web.Ocpp;

/// <summary>What the OCPP message handlers translate into: the domain services, one bundle per hub.</summary>
public sealed class OcppHubServices(
    ChargerService chargers,
    ReservationService reservations,
    TokenAuthorizer authorizer,
    ITransactionStore transactions,
    ChargerSetup setup,
    TimeProvider time)
{
    public ChargerService Chargers { get; } = chargers;

    public ReservationService Reservations { get; } = reservations;

    public TokenAuthorizer Authorizer { get; } = authorizer;

    public ITransactionStore Transactions { get; } = transactions;

    public ChargerSetup Setup { get; } = setup;

    public TimeProvider Time { get; } = time;

    /// <summary>Heartbeat interval handed to accepted chargers, and the retry interval for pending ones.</summary>
    public static readonly int HeartbeatSeconds = 300;

    public static readonly int PendingRetrySeconds = 30;
}
