using ChargingHub.Domain.Reservations;
using ChargingHub.Domain.Tests.Fakes;

namespace ChargingHub.Domain.Tests;

/// <summary>A ReserveNow with the id of an open reservation replaces it (OCPP H01.FR.02, docs/contract.md "Replacing").</summary>
public sealed class ReservationServiceReplaceTests
{
    private const string Cp16 = ReservationHarness.Cp16;

    private readonly ReservationHarness _hub = new();

    [Fact]
    public async Task ReserveAsync_SameIdAccepted_ReplacesTermsOfTheSameReservation()
    {
        var original = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A", reservationId: 7));
        var originalKey = _hub.Stored(Cp16, 7).Key;
        _hub.Time.Advance(TimeSpan.FromMinutes(5));
        var replacement = _hub.Command(connectorId: 2, idTag: "TAG-B", lasting: TimeSpan.FromHours(3), reservationId: 7);

        var result = await _hub.ReserveAsync(replacement);

        Assert.Equal(ChargerReserveStatus.Accepted, result.Status);
        var stored = Assert.Single(_hub.Reservations.All(Cp16));
        Assert.Equal(originalKey, stored.Key);
        Assert.Equal(ReservationStatus.Active, stored.Status);
        Assert.Equal((2, "TAG-B", replacement.ExpiresAt), (stored.Terms.ConnectorId, stored.Terms.IdTag, stored.Terms.ExpiresAt));
        Assert.Equal(original.CreatedAt, stored.CreatedAt);
        Assert.Equal(_hub.Now, stored.UpdatedAt);
        Assert.Equal((ReservationStatus.Active, ReservationStatus.Active), (stored.Transitions[^1].From, stored.Transitions[^1].To));
        Assert.Equal(replacement.ExpiresAt, _hub.Expiry.ScheduledAt(Cp16, 7));
        Assert.Equal(result.Reservation, stored.ToView());
        Assert.Equal([7, 7], _hub.Gateway.ReserveCalls.Select(c => c.ReservationId));
        Assert.Equal("TAG-B", _hub.Gateway.ReserveCalls[^1].Terms.IdTag);
    }

    [Fact]
    public async Task ReserveAsync_ReplaceSameConnectorWithOtherIdTag_IsNotDoubleBooking()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A", reservationId: 7));

        var result = await _hub.ReserveAsync(_hub.Command(connectorId: 1, idTag: "TAG-B", reservationId: 7));

        Assert.Equal(ChargerReserveStatus.Accepted, result.Status);
        Assert.Equal(2, _hub.Gateway.ReserveCalls.Count);
        Assert.Equal("TAG-B", _hub.Stored(Cp16, 7).Terms.IdTag);
    }

    [Theory]
    [InlineData(ChargerReserveStatus.Faulted)]
    [InlineData(ChargerReserveStatus.Occupied)]
    [InlineData(ChargerReserveStatus.Rejected)]
    [InlineData(ChargerReserveStatus.Unavailable)]
    public async Task ReserveAsync_SameIdDeclined_KeepsOldReservationAndReportsTheAttempt(ChargerReserveStatus answer)
    {
        var original = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A", reservationId: 7));
        var before = _hub.Stored(Cp16, 7);
        _hub.Time.Advance(TimeSpan.FromMinutes(5));
        _hub.Gateway.ScriptReserve(answer);

        var result = await _hub.ReserveAsync(_hub.Command(connectorId: 2, idTag: "TAG-B", reservationId: 7));

        Assert.Equal(answer, result.Status);
        Assert.Equal(ReservationStatus.Declined, result.Reservation.Status);
        Assert.Equal((7, 2, "TAG-B"), (result.Reservation.ReservationId, result.Reservation.ConnectorId, result.Reservation.IdTag));
        var stored = Assert.Single(_hub.Reservations.All(Cp16));
        Assert.Equal(original, stored.ToView());
        Assert.Equal(before.Transitions, stored.Transitions);
        Assert.Equal(original.ExpiresAt, _hub.Expiry.ScheduledAt(Cp16, 7));
    }

    [Fact]
    public async Task ReserveAsync_SameIdTimesOut_CancelsOldOneAndOnTheCharger()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A", reservationId: 7));
        _hub.Gateway.ScriptReserve(GatewayOutcome<ChargerReserveStatus>.Timeout);

        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.ReserveAsync(_hub.Command(connectorId: 2, idTag: "TAG-B", reservationId: 7)));

        Assert.Equal(HubErrorKind.ChargerTimeout, ex.Kind);
        var stored = Assert.Single(_hub.Reservations.All(Cp16));
        Assert.Equal(ReservationStatus.Canceled, stored.Status);
        Assert.Equal("TAG-A", stored.Terms.IdTag);
        Assert.Null(_hub.Expiry.ScheduledAt(Cp16, 7));
        Assert.Equal(ReservationStatus.Canceled, _hub.Events.ReservationChanges[^1].Reservation.Status);
        await _hub.Gateway.WaitForCancelCallsAsync(1);
        Assert.Equal(new CancelReservationCall(Cp16, 7), Assert.Single(_hub.Gateway.CancelCalls));
    }

    [Fact]
    public async Task ReserveAsync_SameIdWhileStillPending_ThrowsConflict()
    {
        _hub.Gateway.HoldReserveAnswers = true;
        var first = _hub.ReserveAsync(_hub.Command(connectorId: 1, reservationId: 7));
        await _hub.Gateway.WaitForReserveCallsAsync(1);

        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.ReserveAsync(_hub.Command(connectorId: 2, reservationId: 7)));
        _hub.Gateway.ReleaseAllReserves();
        await first;

        Assert.Equal(HubErrorKind.Conflict, ex.Kind);
        Assert.Single(_hub.Gateway.ReserveCalls);
    }

    [Fact]
    public async Task ReserveAsync_IdOfAnEndedReservation_CreatesANewOne()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A", reservationId: 7));
        await _hub.Service.CancelAsync(Cp16, 7, CancellationToken.None);

        var result = await _hub.ReserveAsync(_hub.Command(connectorId: 2, idTag: "TAG-B", reservationId: 7));

        Assert.Equal(ReservationStatus.Active, result.Reservation.Status);
        var all = _hub.Reservations.All(Cp16);
        Assert.Equal([ReservationStatus.Canceled, ReservationStatus.Active], all.Select(r => r.Status));
        Assert.Equal("TAG-B", _hub.Stored(Cp16, 7).Terms.IdTag);
    }

    [Fact]
    public async Task ReserveAsync_ReplacementOntoConnectorHeldBySomeoneElse_OccupiedAndOldOneStillTheReservation()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A", reservationId: 7));
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 2, idTag: "TAG-B", reservationId: 8));

        var result = await _hub.ReserveAsync(_hub.Command(connectorId: 2, idTag: "TAG-A", reservationId: 7));

        Assert.Equal(ChargerReserveStatus.Occupied, result.Status);
        Assert.Equal(ReservationStatus.Declined, result.Reservation.Status);
        Assert.Equal(2, _hub.Gateway.ReserveCalls.Count);
        var latest = _hub.Stored(Cp16, 7);
        Assert.Equal(ReservationStatus.Active, latest.Status);
        Assert.Equal(1, latest.Terms.ConnectorId);
        var cancel = await _hub.Service.CancelAsync(Cp16, 7, CancellationToken.None);
        Assert.Equal(ReservationStatus.Canceled, cancel.Reservation.Status);
    }

    [Fact]
    public async Task ReserveAsync_NewRequestWhileAReplacementMovesOntoThatConnector_ExactlyOneEndsActiveThere()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A", reservationId: 7));
        _hub.Gateway.HoldReserveAnswers = true;
        var move = _hub.ReserveAsync(_hub.Command(connectorId: 2, idTag: "TAG-A", reservationId: 7));
        await _hub.Gateway.WaitForReserveCallsAsync(2);

        var other = _hub.ReserveAsync(_hub.Command(connectorId: 2, idTag: "TAG-C"));
        var firstDone = await Task.WhenAny(move, other).WaitAsync(TimeSpan.FromSeconds(5));
        _hub.Gateway.ReleaseAllReserves();
        await Task.WhenAll(move, other);

        Assert.Same(other, firstDone);
        Assert.Equal(ChargerReserveStatus.Occupied, (await other).Status);
        Assert.Equal(2, _hub.Gateway.ReserveCalls.Count);
        var onConnector2 = (await _hub.Reservations.ListOpenAsync(Cp16, CancellationToken.None)).Where(r => r.Terms.ConnectorId == 2);
        Assert.Equal("TAG-A", Assert.Single(onConnector2).Terms.IdTag);
    }
}
