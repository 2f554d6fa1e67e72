using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Reservations;
using ChargingHub.Domain.Tests.Fakes;

namespace ChargingHub.Domain.Tests;

/// <summary>What chargers report (transactions, ReservationStatusUpdate, connector status) and the hub's own clock do to reservations.</summary>
public sealed class ReservationServiceChargerEventsTests
{
    private const string Cp16 = ReservationHarness.Cp16;

    private readonly ReservationHarness _hub = new();

    private ReservationService Service => _hub.Service;

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task OnTransactionStartedAsync_WithReservationId_ConsumesIt()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));
        _hub.Time.Advance(TimeSpan.FromMinutes(2));

        await Service.OnTransactionStartedAsync(Cp16, 1, "TAG-A", null, active.ReservationId, None);

        var stored = _hub.Stored(Cp16, active.ReservationId);
        Assert.Equal(ReservationStatus.Used, stored.Status);
        Assert.Equal((ReservationStatus.Active, ReservationStatus.Used, _hub.Now),
            (stored.Transitions[^1].From, stored.Transitions[^1].To, stored.Transitions[^1].At));
        Assert.Null(_hub.Expiry.ScheduledAt(Cp16, active.ReservationId));
        Assert.Equal(ReservationStatus.Used, _hub.Events.ReservationChanges[^1].Reservation.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-1)]
    public async Task OnTransactionStartedAsync_TokenOnReservedConnectorWithoutId_ConsumesIt(int? reservationId)
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));

        await Service.OnTransactionStartedAsync(Cp16, 1, "tag-a", null, reservationId, None);

        Assert.Equal(ReservationStatus.Used, _hub.Stored(Cp16, active.ReservationId).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-1)]
    public async Task OnTransactionStartedAsync_TokenOnAnyConnectorReservation_ConsumesIt(int? reservationId)
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 0, idTag: "TAG-A"));

        await Service.OnTransactionStartedAsync(Cp16, 2, "TAG-A", null, reservationId, None);

        Assert.Equal(ReservationStatus.Used, _hub.Stored(Cp16, active.ReservationId).Status);
    }

    [Fact]
    public async Task OnTransactionStartedAsync_GroupMemberWithoutId_ConsumesTheGroupReservation()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A", parentIdTag: "FAMILY"));

        await Service.OnTransactionStartedAsync(Cp16, 1, "TAG-B", "FAMILY", null, None);

        Assert.Equal(ReservationStatus.Used, _hub.Stored(Cp16, active.ReservationId).Status);
    }

    [Theory]
    [InlineData("STRANGER", null)]
    [InlineData("STRANGER", "OTHER-FAMILY")]
    public async Task OnTransactionStartedAsync_StrangerWithoutId_LeavesReservationActive(string idTag, string? parentIdTag)
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A", parentIdTag: "FAMILY"));

        await Service.OnTransactionStartedAsync(Cp16, 1, idTag, parentIdTag, null, None);

        Assert.Equal(ReservationStatus.Active, _hub.Stored(Cp16, active.ReservationId).Status);
        Assert.NotNull(_hub.Expiry.ScheduledAt(Cp16, active.ReservationId));
    }

    [Fact]
    public async Task OnTransactionStartedAsync_NoGroupOnReservationAndNoParent_StrangerDoesNotMatch()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));

        await Service.OnTransactionStartedAsync(Cp16, 1, "TAG-B", null, null, None);

        Assert.Equal(ReservationStatus.Active, _hub.Stored(Cp16, active.ReservationId).Status);
    }

    [Fact]
    public async Task OnTransactionStartedAsync_TokenOnAnotherConnector_LeavesSpecificReservationActive()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));

        await Service.OnTransactionStartedAsync(Cp16, 2, "TAG-A", null, null, None);

        Assert.Equal(ReservationStatus.Active, _hub.Stored(Cp16, active.ReservationId).Status);
    }

    [Fact]
    public async Task OnTransactionStartedAsync_NoIdAndNoToken_ChangesNothing()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));

        await Service.OnTransactionStartedAsync(Cp16, 1, null, null, null, None);

        Assert.Equal(ReservationStatus.Active, _hub.Stored(Cp16, active.ReservationId).Status);
    }

    [Fact]
    public async Task OnTransactionStartedAsync_TokenMatchesSpecificAndAnyConnector_ConsumesTheSpecificOne()
    {
        var any = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 0, idTag: "TAG-A"));
        var specific = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 2, idTag: "TAG-A"));

        await Service.OnTransactionStartedAsync(Cp16, 2, "TAG-A", null, null, None);

        Assert.Equal(ReservationStatus.Used, _hub.Stored(Cp16, specific.ReservationId).Status);
        Assert.Equal(ReservationStatus.Active, _hub.Stored(Cp16, any.ReservationId).Status);
    }

    [Fact]
    public async Task OnTransactionStartedAsync_UnknownIdButMatchingToken_FallsBackToTheToken()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));

        await Service.OnTransactionStartedAsync(Cp16, 1, "TAG-A", null, active.ReservationId + 100, None);

        Assert.Equal(ReservationStatus.Used, _hub.Stored(Cp16, active.ReservationId).Status);
    }

    [Fact]
    public async Task OnTransactionStartedAsync_OnAnotherCharger_LeavesReservationActive()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));

        await Service.OnTransactionStartedAsync(ReservationHarness.Cp201, 1, "TAG-A", null, active.ReservationId, None);

        Assert.Equal(ReservationStatus.Active, _hub.Stored(Cp16, active.ReservationId).Status);
    }

    [Theory]
    [InlineData(ChargerReservationUpdate.Expired, ReservationStatus.Expired)]
    [InlineData(ChargerReservationUpdate.Removed, ReservationStatus.Removed)]
    public async Task OnChargerEndedReservationAsync_ActiveReservation_EndsAsReported(ChargerReservationUpdate update, ReservationStatus expected)
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(ReservationHarness.Cp201));

        await Service.OnChargerEndedReservationAsync(ReservationHarness.Cp201, active.ReservationId, update, None);

        var stored = _hub.Stored(ReservationHarness.Cp201, active.ReservationId);
        Assert.Equal(expected, stored.Status);
        Assert.Equal(ReservationStatus.Active, stored.Transitions[^1].From);
        Assert.Null(_hub.Expiry.ScheduledAt(ReservationHarness.Cp201, active.ReservationId));
        Assert.Equal(expected, _hub.Events.ReservationChanges[^1].Reservation.Status);
    }

    [Fact]
    public async Task OnChargerEndedReservationAsync_AlreadyEnded_KeepsTheFirstEnding()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(ReservationHarness.Cp201));
        await Service.CancelAsync(ReservationHarness.Cp201, active.ReservationId, None);
        var events = _hub.Events.Events.Count;

        await Service.OnChargerEndedReservationAsync(ReservationHarness.Cp201, active.ReservationId, ChargerReservationUpdate.Expired, None);

        Assert.Equal(ReservationStatus.Canceled, _hub.Stored(ReservationHarness.Cp201, active.ReservationId).Status);
        Assert.Equal(events, _hub.Events.Events.Count);
    }

    [Fact]
    public async Task OnChargerEndedReservationAsync_UnknownReservation_DoesNothing()
    {
        await Service.OnChargerEndedReservationAsync(ReservationHarness.Cp201, 404, ChargerReservationUpdate.Removed, None);

        Assert.Empty(_hub.Reservations.All(ReservationHarness.Cp201));
        Assert.Empty(_hub.Events.Events);
    }

    [Theory]
    [InlineData(ConnectorStatus.Faulted)]
    [InlineData(ConnectorStatus.Unavailable)]
    public async Task OnConnectorStatusAsync_ConnectorFaultedOrUnavailable_RemovesOnlyItsReservations(string status)
    {
        var onOne = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));
        var onTwo = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 2, idTag: "TAG-B"));
        var any = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 0, idTag: "TAG-C"));

        await Service.OnConnectorStatusAsync(Cp16, 1, status, None);

        var removed = _hub.Stored(Cp16, onOne.ReservationId);
        Assert.Equal(ReservationStatus.Removed, removed.Status);
        Assert.Contains(status, removed.Reason, StringComparison.Ordinal);
        Assert.Null(_hub.Expiry.ScheduledAt(Cp16, onOne.ReservationId));
        Assert.Equal(ReservationStatus.Active, _hub.Stored(Cp16, onTwo.ReservationId).Status);
        Assert.Equal(ReservationStatus.Active, _hub.Stored(Cp16, any.ReservationId).Status);
    }

    [Fact]
    public async Task OnConnectorStatusAsync_ConnectorZeroFaulted_RemovesEveryReservationOfTheCharger()
    {
        var onOne = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));
        var onTwo = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 2, idTag: "TAG-B"));
        var any = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 0, idTag: "TAG-C"));
        var elsewhere = await _hub.ReserveActiveAsync(_hub.Command(ReservationHarness.Cp201, connectorId: 1));

        await Service.OnConnectorStatusAsync(Cp16, 0, ConnectorStatus.Faulted, None);

        Assert.All(new[] { onOne, onTwo, any }, r => Assert.Equal(ReservationStatus.Removed, _hub.Stored(Cp16, r.ReservationId).Status));
        Assert.Equal(ReservationStatus.Active, _hub.Stored(ReservationHarness.Cp201, elsewhere.ReservationId).Status);
        Assert.Single(_hub.Expiry.Scheduled);
    }

    [Theory]
    [InlineData(ConnectorStatus.Available)]
    [InlineData(ConnectorStatus.Reserved)]
    [InlineData(ConnectorStatus.Occupied)]
    [InlineData("Charging")]
    [InlineData("Preparing")]
    public async Task OnConnectorStatusAsync_OtherStatus_ChangesNothing(string status)
    {
        var onOne = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));
        var events = _hub.Events.Events.Count;

        await Service.OnConnectorStatusAsync(Cp16, 1, status, None);
        await Service.OnConnectorStatusAsync(Cp16, 0, status, None);

        Assert.Equal(ReservationStatus.Active, _hub.Stored(Cp16, onOne.ReservationId).Status);
        Assert.Equal(events, _hub.Events.Events.Count);
    }

    [Fact]
    public async Task ExpireAsync_BeforeExpiryTime_LeavesReservationActive()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(lasting: TimeSpan.FromMinutes(30)));
        _hub.Time.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));

        await Service.ExpireAsync(Cp16, active.ReservationId, None);

        Assert.Equal(ReservationStatus.Active, _hub.Stored(Cp16, active.ReservationId).Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(90)]
    public async Task ExpireAsync_AtOrAfterExpiryTime_MarksExpired(int secondsLate)
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(lasting: TimeSpan.FromMinutes(30)));
        _hub.Time.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(secondsLate));

        await Service.ExpireAsync(Cp16, active.ReservationId, None);

        var stored = _hub.Stored(Cp16, active.ReservationId);
        Assert.Equal(ReservationStatus.Expired, stored.Status);
        Assert.Equal(_hub.Now, stored.Transitions[^1].At);
        Assert.Null(_hub.Expiry.ScheduledAt(Cp16, active.ReservationId));
        Assert.Equal(ReservationStatus.Expired, _hub.Events.ReservationChanges[^1].Reservation.Status);
    }

    [Fact]
    public async Task ExpireAsync_ReplacedWithLaterExpiry_WaitsForTheNewExpiry()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(lasting: TimeSpan.FromMinutes(30), reservationId: 5));
        await _hub.ReserveAsync(_hub.Command(lasting: TimeSpan.FromHours(2), reservationId: 5));
        _hub.Time.Advance(TimeSpan.FromMinutes(31));

        await Service.ExpireAsync(Cp16, active.ReservationId, None);

        Assert.Equal(ReservationStatus.Active, _hub.Stored(Cp16, 5).Status);
    }

    [Fact]
    public async Task ExpireAsync_WhileChargerDisconnected_StillExpires()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(lasting: TimeSpan.FromMinutes(30)));
        _hub.Gateway.Disconnect(Cp16);
        _hub.Time.Advance(TimeSpan.FromMinutes(30));

        await Service.ExpireAsync(Cp16, active.ReservationId, None);

        Assert.Equal(ReservationStatus.Expired, _hub.Stored(Cp16, active.ReservationId).Status);
    }

    [Fact]
    public async Task ExpireAsync_AlreadyUsed_StaysUsed()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(lasting: TimeSpan.FromMinutes(30)));
        await Service.OnTransactionStartedAsync(Cp16, 1, "TAG-A", null, active.ReservationId, None);
        _hub.Time.Advance(TimeSpan.FromHours(1));

        await Service.ExpireAsync(Cp16, active.ReservationId, None);

        Assert.Equal(ReservationStatus.Used, _hub.Stored(Cp16, active.ReservationId).Status);
    }

    [Fact]
    public async Task RecoverAsync_AfterRestart_ExpiresPastReschedulesFutureAndFailsPending()
    {
        var now = _hub.Now;
        var expiredWhileDown = Seed(Cp16, 1, ReservationStatus.Active, now.AddMinutes(-5));
        var future = Seed(Cp16, 2, ReservationStatus.Active, now.AddHours(1));
        var pending = Seed(ReservationHarness.Cp201, 3, ReservationStatus.Pending, now.AddHours(1));
        var used = Seed(Cp16, 4, ReservationStatus.Used, now.AddMinutes(-5));

        await Service.RecoverAsync(None);

        Assert.Equal(ReservationStatus.Expired, _hub.Stored(Cp16, expiredWhileDown).Status);
        Assert.Equal(ReservationStatus.Active, _hub.Stored(Cp16, future).Status);
        Assert.Equal(ReservationStatus.Failed, _hub.Stored(ReservationHarness.Cp201, pending).Status);
        Assert.Equal(ReservationStatus.Used, _hub.Stored(Cp16, used).Status);
        Assert.Equal(now.AddHours(1), _hub.Expiry.ScheduledAt(Cp16, future));
        Assert.Single(_hub.Expiry.Scheduled);
        Assert.Empty(_hub.Gateway.ReserveCalls);
        Assert.Equal(
            [ReservationStatus.Expired, ReservationStatus.Failed],
            _hub.Events.ReservationChanges.Select(e => e.Reservation.Status).Order());
        Assert.Equal(now, _hub.Stored(Cp16, expiredWhileDown).Transitions[^1].At);
    }

    [Fact]
    public async Task RecoverAsync_ExpiryExactlyNow_MarksExpired()
    {
        var id = Seed(Cp16, 1, ReservationStatus.Active, _hub.Now);

        await Service.RecoverAsync(None);

        Assert.Equal(ReservationStatus.Expired, _hub.Stored(Cp16, id).Status);
    }

    private int Seed(string chargerId, int reservationId, ReservationStatus status, DateTimeOffset expiresAt)
    {
        var terms = new ReservationTerms { ConnectorId = 1, IdTag = $"TAG-{reservationId}", ExpiresAt = expiresAt };
        var created = _hub.Now.AddHours(-2);
        var transitions = status == ReservationStatus.Pending
            ? Array.Empty<ReservationTransition>()
            : [new ReservationTransition(ReservationStatus.Pending, ReservationStatus.Active, created, "accepted by the charger")];
        _hub.Reservations.Seed(Reservation.Restore(0, chargerId, reservationId, terms, enforcedByHub: false, status, created, created,
            reason: null, transitions));
        return reservationId;
    }
}
