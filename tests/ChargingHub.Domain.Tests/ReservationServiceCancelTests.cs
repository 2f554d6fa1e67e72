using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Reservations;
using ChargingHub.Domain.Tests.Fakes;

namespace ChargingHub.Domain.Tests;

public sealed class ReservationServiceCancelTests
{
    private const string Cp16 = ReservationHarness.Cp16;

    private readonly ReservationHarness _hub = new();

    [Fact]
    public async Task CancelAsync_WhilePending_WaitsForTheChargersAnswerThenCancels()
    {
        _hub.Gateway.HoldReserveAnswers = true;
        var reserving = _hub.ReserveAsync(_hub.Command());
        await _hub.Gateway.WaitForReserveCallsAsync(1);
        var id = _hub.Gateway.ReserveCalls[0].ReservationId;

        var cancelling = _hub.Service.CancelAsync(Cp16, id, CancellationToken.None);
        _hub.Time.Advance(TimeSpan.FromMilliseconds(200));
        var stillWaiting = !cancelling.IsCompleted && _hub.Gateway.CancelCalls.Count == 0;
        _hub.Gateway.ReleaseAllReserves();
        await reserving;
        for (var i = 0; i < 100 && !cancelling.IsCompleted; i++)
        {
            _hub.Time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(10);
        }

        var result = await cancelling.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(stillWaiting);
        Assert.Equal(ChargerCancelStatus.Accepted, result.Status);
        Assert.Equal(ReservationStatus.Canceled, _hub.Stored(Cp16, id).Status);
        Assert.Single(_hub.Gateway.CancelCalls);
    }

    [Fact]
    public async Task CancelAsync_ChargerAccepts_CanceledUnscheduledAndAnnounced()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command());
        _hub.Time.Advance(TimeSpan.FromMinutes(3));

        var result = await _hub.Service.CancelAsync(Cp16, active.ReservationId, CancellationToken.None);

        Assert.Equal(ChargerCancelStatus.Accepted, result.Status);
        Assert.Equal(ReservationStatus.Canceled, result.Reservation.Status);
        var stored = _hub.Stored(Cp16, active.ReservationId);
        Assert.Equal(ReservationStatus.Canceled, stored.Status);
        Assert.Equal((ReservationStatus.Active, ReservationStatus.Canceled, _hub.Now),
            (stored.Transitions[^1].From, stored.Transitions[^1].To, stored.Transitions[^1].At));
        Assert.Equal(new CancelReservationCall(Cp16, active.ReservationId), Assert.Single(_hub.Gateway.CancelCalls));
        Assert.Null(_hub.Expiry.ScheduledAt(Cp16, active.ReservationId));
        var last = _hub.Events.ReservationChanges[^1];
        Assert.Equal((ReservationStatus.Canceled, ReservationStatus.Active), (last.Reservation.Status, last.Previous));
    }

    [Fact]
    public async Task CancelAsync_ChargerRejects_CanceledWithAReason()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command());
        _hub.Gateway.ScriptCancel(ChargerCancelStatus.Rejected);

        var result = await _hub.Service.CancelAsync(Cp16, active.ReservationId, CancellationToken.None);

        Assert.Equal(ChargerCancelStatus.Rejected, result.Status);
        Assert.Equal(ReservationStatus.Canceled, result.Reservation.Status);
        var stored = _hub.Stored(Cp16, active.ReservationId);
        Assert.Equal(ReservationStatus.Canceled, stored.Status);
        Assert.False(string.IsNullOrWhiteSpace(stored.Reason));
        Assert.Equal(stored.Reason, result.Reservation.Reason);
    }

    [Fact]
    public async Task CancelAsync_AcceptedAndRejected_GiveDifferentReasons()
    {
        var first = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1));
        var second = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 2));
        _hub.Gateway.ScriptCancel(ChargerCancelStatus.Accepted, ChargerCancelStatus.Rejected);

        var accepted = await _hub.Service.CancelAsync(Cp16, first.ReservationId, CancellationToken.None);
        var rejected = await _hub.Service.CancelAsync(Cp16, second.ReservationId, CancellationToken.None);

        Assert.NotEqual(accepted.Reservation.Reason, rejected.Reservation.Reason);
    }

    [Fact]
    public async Task CancelAsync_UnknownReservation_ThrowsNotFound()
    {
        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.Service.CancelAsync(Cp16, 99, CancellationToken.None));

        Assert.Equal(HubErrorKind.NotFound, ex.Kind);
        Assert.Empty(_hub.Gateway.CancelCalls);
    }

    [Fact]
    public async Task CancelAsync_UnknownCharger_ThrowsNotFound()
    {
        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.Service.CancelAsync("NOPE", 1, CancellationToken.None));

        Assert.Equal(HubErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task CancelAsync_ReservationOfAnotherCharger_ThrowsNotFound()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command(ReservationHarness.Cp201));

        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.Service.CancelAsync(Cp16, active.ReservationId, CancellationToken.None));

        Assert.Equal(HubErrorKind.NotFound, ex.Kind);
    }

    [Theory]
    [InlineData("canceled")]
    [InlineData("declined")]
    [InlineData("used")]
    [InlineData("expired")]
    public async Task CancelAsync_ReservationAlreadyEnded_ThrowsConflictWithoutAskingTheCharger(string ending)
    {
        int id;
        if (ending == "declined")
        {
            _hub.Gateway.ScriptReserve(ChargerReserveStatus.Faulted);
            id = (await _hub.ReserveAsync(_hub.Command())).Reservation.ReservationId;
        }
        else
        {
            id = (await _hub.ReserveActiveAsync(_hub.Command(lasting: TimeSpan.FromMinutes(10)))).ReservationId;
            switch (ending)
            {
                case "canceled":
                    await _hub.Service.CancelAsync(Cp16, id, CancellationToken.None);
                    break;
                case "used":
                    await _hub.Service.OnTransactionStartedAsync(Cp16, 1, "TAG-A", null, id, CancellationToken.None);
                    break;
                default:
                    _hub.Time.Advance(TimeSpan.FromMinutes(10));
                    await _hub.Service.ExpireAsync(Cp16, id, CancellationToken.None);
                    break;
            }
        }

        var before = _hub.Stored(Cp16, id).Status;
        var cancelsBefore = _hub.Gateway.CancelCalls.Count;

        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.Service.CancelAsync(Cp16, id, CancellationToken.None));

        Assert.Equal(HubErrorKind.Conflict, ex.Kind);
        Assert.False(before.IsOpen());
        Assert.Equal(before, _hub.Stored(Cp16, id).Status);
        Assert.Equal(cancelsBefore, _hub.Gateway.CancelCalls.Count);
    }

    [Fact]
    public async Task CancelAsync_ChargerDisconnected_ThrowsChargerOfflineAndStaysActive()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command());
        _hub.Gateway.Disconnect(Cp16);

        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.Service.CancelAsync(Cp16, active.ReservationId, CancellationToken.None));

        Assert.Equal(HubErrorKind.ChargerOffline, ex.Kind);
        Assert.Equal(ReservationStatus.Active, _hub.Stored(Cp16, active.ReservationId).Status);
        Assert.Empty(_hub.Gateway.CancelCalls);
        Assert.NotNull(_hub.Expiry.ScheduledAt(Cp16, active.ReservationId));
    }

    [Fact]
    public async Task CancelAsync_ChargerTimesOut_ThrowsTimeoutAndStaysActive()
    {
        var active = await _hub.ReserveActiveAsync(_hub.Command());
        _hub.Gateway.ScriptCancel(GatewayOutcome<ChargerCancelStatus>.Timeout);

        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.Service.CancelAsync(Cp16, active.ReservationId, CancellationToken.None));

        Assert.Equal(HubErrorKind.ChargerTimeout, ex.Kind);
        Assert.Equal(ReservationStatus.Active, _hub.Stored(Cp16, active.ReservationId).Status);
    }

    [Fact]
    public async Task CancelAsync_HubEnforcedReservation_CanceledWithoutCallingTheCharger()
    {
        _hub.Charger(Cp16).Reservations = ReservationSupport.Hub;
        var active = await _hub.ReserveActiveAsync(_hub.Command());
        _hub.Gateway.Disconnect(Cp16);

        var result = await _hub.Service.CancelAsync(Cp16, active.ReservationId, CancellationToken.None);

        Assert.Equal(ChargerCancelStatus.Accepted, result.Status);
        Assert.Equal(ReservationStatus.Canceled, _hub.Stored(Cp16, active.ReservationId).Status);
        Assert.Empty(_hub.Gateway.CancelCalls);
    }
}
