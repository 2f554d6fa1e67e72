using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Reservations;
using ChargingHub.Domain.Tokens;
using ChargingHub.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChargingHub.Domain.Tests.Fakes;

/// <summary>
/// A <see cref="ReservationService"/> wired to in-memory ports. Two connected chargers exist:
/// <see cref="Cp16"/> (OCPP 1.6, connectors 1 and 2) and <see cref="Cp201"/> (OCPP 2.0.1, EVSE 1 cCCS2 and EVSE 2 cType2).
/// </summary>
public sealed class ReservationHarness
{
    public const string Cp16 = "CP16";
    public const string Cp201 = "CP201";

    public ReservationHarness(TimeSpan? maxDuration = null)
    {
        Options = new ReservationOptions { MaxDuration = maxDuration ?? TimeSpan.FromHours(24) };
        AddCharger(Cp16, ChargerProtocol.Ocpp16, (1, null), (2, null));
        AddCharger(Cp201, ChargerProtocol.Ocpp201, (1, "cCCS2"), (2, "cType2"));
        Service = new ReservationService(Chargers, Reservations, Gateway, Expiry, Events, Microsoft.Extensions.Options.Options.Create(Options),
            Time, NullLogger<ReservationService>.Instance);
    }

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));

    public InMemoryChargerStore Chargers { get; } = new();

    public InMemoryReservationStore Reservations { get; } = new();

    public ScriptedChargerGateway Gateway { get; } = new();

    public RecordingExpiryScheduler Expiry { get; } = new();

    public RecordingEventSink Events { get; } = new();

    public InMemoryTokenStore Tokens { get; } = new();

    public ReservationOptions Options { get; }

    public ReservationService Service { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    public Charger AddCharger(string id, ChargerProtocol? protocol, params (int Id, string? Type)[] connectors)
    {
        var charger = new Charger
        {
            Id = id,
            Protocol = protocol,
            Registration = RegistrationStatus.Accepted,
            Reservations = ReservationSupport.Charger,
            CreatedAt = Time.GetUtcNow(),
            Connectors = [.. connectors.Select(c => new Connector(c.Id, ConnectorStatus.Available, c.Type, Time.GetUtcNow()))],
        };
        Chargers.AddAsync(charger, CancellationToken.None).GetAwaiter().GetResult();
        Gateway.Connect(id);
        return charger;
    }

    public Charger Charger(string id) => Chargers.GetAsync(id, CancellationToken.None).GetAwaiter().GetResult()
        ?? throw new InvalidOperationException($"no charger {id}");

    public TokenAuthorizer Authorizer(UnknownTokenPolicy policy) =>
        new(Tokens, Service, Microsoft.Extensions.Options.Options.Create(new TokenPolicyOptions { UnknownTokens = policy }));

    public ReserveCommand Command(string chargerId = Cp16, int? connectorId = 1, string idTag = "TAG-A", TimeSpan? lasting = null,
        string? parentIdTag = null, string? connectorType = null, int? reservationId = null) =>
        new(chargerId, connectorId, connectorType, Now + (lasting ?? TimeSpan.FromHours(1)), idTag, parentIdTag, null, reservationId);

    public Task<ReserveResult> ReserveAsync(ReserveCommand command) => Service.ReserveAsync(command, CancellationToken.None);

    /// <summary>Reserves through the service (the gateway's default answer is Accepted) and returns the Active reservation.</summary>
    public async Task<ReservationView> ReserveActiveAsync(ReserveCommand command)
    {
        var result = await ReserveAsync(command);
        Assert.Equal(ReservationStatus.Active, result.Reservation.Status);
        return result.Reservation;
    }

    public Reservation? Latest(string chargerId, int reservationId) =>
        Reservations.FindLatestAsync(chargerId, reservationId, CancellationToken.None).GetAwaiter().GetResult();

    public Reservation Stored(string chargerId, int reservationId) =>
        Latest(chargerId, reservationId) ?? throw new InvalidOperationException($"no reservation {reservationId} on {chargerId}");
}
