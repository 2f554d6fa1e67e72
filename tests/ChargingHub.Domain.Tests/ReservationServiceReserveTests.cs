using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Reservations;
using ChargingHub.Domain.Tests.Fakes;

namespace ChargingHub.Domain.Tests;

public sealed class ReservationServiceReserveTests
{
    private const string Cp16 = ReservationHarness.Cp16;
    private const string Cp201 = ReservationHarness.Cp201;

    private readonly ReservationHarness _hub = new();

    [Fact]
    public async Task ReserveAsync_ChargerAccepts_StoresActiveSchedulesExpiryAndPublishesEvent()
    {
        var command = _hub.Command(Cp16, connectorId: 1, idTag: "TAG-A", lasting: TimeSpan.FromHours(2), parentIdTag: "GROUP");

        var result = await _hub.ReserveAsync(command);

        Assert.Equal(ChargerReserveStatus.Accepted, result.Status);
        Assert.Equal(ReservationStatus.Active, result.Reservation.Status);
        var stored = _hub.Stored(Cp16, result.Reservation.ReservationId);
        Assert.Equal(ReservationStatus.Active, stored.Status);
        Assert.Equal(1, stored.Terms.ConnectorId);
        Assert.Equal("TAG-A", stored.Terms.IdTag);
        Assert.Equal("GROUP", stored.Terms.ParentIdTag);
        Assert.Equal(command.ExpiresAt, stored.Terms.ExpiresAt);
        Assert.False(stored.EnforcedByHub);
        Assert.Equal(command.ExpiresAt, _hub.Expiry.ScheduledAt(Cp16, stored.ReservationId));

        var call = Assert.Single(_hub.Gateway.ReserveCalls);
        Assert.Equal((Cp16, stored.ReservationId, 1, "TAG-A", "GROUP", command.ExpiresAt),
            (call.ChargerId, call.ReservationId, call.Terms.ConnectorId, call.Terms.IdTag, call.Terms.ParentIdTag, call.Terms.ExpiresAt));

        var last = _hub.Events.ReservationChanges[^1];
        Assert.Equal(ReservationStatus.Active, last.Reservation.Status);
        Assert.Equal(ReservationStatus.Pending, last.Previous);
        Assert.Equal(stored.ReservationId, last.Reservation.ReservationId);
        Assert.Equal(_hub.Now, last.At);
    }

    [Fact]
    public async Task ReserveAsync_ChargerAccepts_RecordsPendingToActiveTransitionWithTimeAndCause()
    {
        var result = await _hub.ReserveAsync(_hub.Command());

        var transition = Assert.Single(_hub.Stored(Cp16, result.Reservation.ReservationId).Transitions);
        Assert.Equal((ReservationStatus.Pending, ReservationStatus.Active, _hub.Now), (transition.From, transition.To, transition.At));
        Assert.False(string.IsNullOrWhiteSpace(transition.Cause));
    }

    [Fact]
    public async Task ReserveAsync_RequestSent_IsPendingAndVisibleWhileTheChargerHasNotAnswered()
    {
        _hub.Gateway.HoldReserveAnswers = true;

        var pending = _hub.ReserveAsync(_hub.Command());
        await _hub.Gateway.WaitForReserveCallsAsync(1);
        var whileWaiting = _hub.Stored(Cp16, _hub.Gateway.ReserveCalls[0].ReservationId).Status;
        var created = _hub.Events.ReservationChanges[0];
        _hub.Gateway.ReleaseAllReserves();
        await pending;

        Assert.Equal(ReservationStatus.Pending, whileWaiting);
        Assert.Equal(ReservationStatus.Pending, created.Reservation.Status);
        Assert.Null(created.Previous);
    }

    [Theory]
    [InlineData(ChargerReserveStatus.Faulted)]
    [InlineData(ChargerReserveStatus.Occupied)]
    [InlineData(ChargerReserveStatus.Rejected)]
    [InlineData(ChargerReserveStatus.Unavailable)]
    public async Task ReserveAsync_ChargerDeclines_StoresDeclinedWithStatusAsReason(ChargerReserveStatus answer)
    {
        _hub.Gateway.ScriptReserve(answer);

        var result = await _hub.ReserveAsync(_hub.Command());

        Assert.Equal(answer, result.Status);
        Assert.Equal(ReservationStatus.Declined, result.Reservation.Status);
        Assert.Equal(answer.ToString(), result.Reservation.Reason);
        var stored = _hub.Stored(Cp16, result.Reservation.ReservationId);
        Assert.Equal(ReservationStatus.Declined, stored.Status);
        Assert.Equal(answer.ToString(), stored.Reason);
        Assert.Equal(ReservationStatus.Pending, Assert.Single(stored.Transitions).From);
        Assert.Null(_hub.Expiry.ScheduledAt(Cp16, stored.ReservationId));
        Assert.Equal(ReservationStatus.Declined, _hub.Events.ReservationChanges[^1].Reservation.Status);
    }

    [Theory]
    [InlineData(Cp16, 1, "", null, null, "idTag")]
    [InlineData(Cp16, 1, "   ", null, null, "idTag")]
    [InlineData(Cp16, 1, "123456789012345678901", null, null, "idTag")] // 21 characters on 1.6
    [InlineData(Cp201, 1, "1234567890123456789012345678901234567", null, null, "idTag")] // 37 characters on 2.0.1
    [InlineData(Cp16, 1, "TAG-A", "", null, "parentIdTag")]
    [InlineData(Cp16, 1, "TAG-A", "123456789012345678901", null, "parentIdTag")]
    [InlineData(Cp16, null, "TAG-A", null, "cType2", "connectorType")] // connectorType on 1.6
    [InlineData(Cp201, 1, "TAG-A", null, "cCCS2", "connectorType")] // connectorType with connectorId > 0
    [InlineData(Cp201, null, "TAG-A", null, "CCS2", "connectorType")] // not a ConnectorEnumType value
    [InlineData(Cp16, 3, "TAG-A", null, null, "connectorId")] // no such connector
    [InlineData(Cp201, 9, "TAG-A", null, null, "connectorId")]
    [InlineData(Cp16, -1, "TAG-A", null, null, "connectorId")]
    public async Task ReserveAsync_InvalidRequest_ThrowsValidationNamingTheFieldAndStoresNothing(
        string chargerId, int? connectorId, string idTag, string? parentIdTag, string? connectorType, string field)
    {
        var command = _hub.Command(chargerId, connectorId, idTag, parentIdTag: parentIdTag, connectorType: connectorType);

        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.ReserveAsync(command));

        Assert.Equal(HubErrorKind.Validation, ex.Kind);
        Assert.Equal(field, ex.Field);
        AssertNothingHappened(chargerId);
    }

    [Fact]
    public async Task ReserveAsync_NegativeReservationId_ThrowsValidationOnReservationId()
    {
        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.ReserveAsync(_hub.Command(reservationId: -1)));

        Assert.Equal((HubErrorKind.Validation, "reservationId"), (ex.Kind, ex.Field));
        AssertNothingHappened(Cp16);
    }

    [Theory]
    [InlineData(-60)] // in the past
    [InlineData(0)] // now is not in the future
    [InlineData(24 * 3600 + 1)] // one second beyond MaxDuration (24 h)
    public async Task ReserveAsync_ExpiryOutOfRange_ThrowsValidationOnExpiryDate(int secondsFromNow)
    {
        var command = _hub.Command() with { ExpiresAt = _hub.Now.AddSeconds(secondsFromNow) };

        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.ReserveAsync(command));

        Assert.Equal((HubErrorKind.Validation, "expiryDate"), (ex.Kind, ex.Field));
        AssertNothingHappened(Cp16);
    }

    [Fact]
    public async Task ReserveAsync_ExpiryExactlyMaxDuration_IsAccepted()
    {
        var command = _hub.Command() with { ExpiresAt = _hub.Now + _hub.Options.MaxDuration };

        var result = await _hub.ReserveAsync(command);

        Assert.Equal(ReservationStatus.Active, result.Reservation.Status);
    }

    [Fact]
    public async Task ReserveAsync_ShorterConfiguredMaxDuration_RefusesWhatTheDefaultWouldAllow()
    {
        var hub = new ReservationHarness(maxDuration: TimeSpan.FromMinutes(30));

        var ex = await Assert.ThrowsAsync<HubException>(() => hub.ReserveAsync(hub.Command(lasting: TimeSpan.FromMinutes(31))));

        Assert.Equal("expiryDate", ex.Field);
    }

    [Fact]
    public async Task ReserveAsync_ExpiryWithOffset_IsKeptInUtc()
    {
        var local = _hub.Now.AddHours(1).ToOffset(TimeSpan.FromHours(2));

        var result = await _hub.ReserveAsync(_hub.Command() with { ExpiresAt = local });

        Assert.Equal(TimeSpan.Zero, result.Reservation.ExpiresAt.Offset);
        Assert.Equal(local.UtcDateTime, result.Reservation.ExpiresAt.UtcDateTime);
    }

    [Fact]
    public async Task ReserveAsync_TwentyCharacterIdTagOn16_IsAccepted()
    {
        var result = await _hub.ReserveAsync(_hub.Command(Cp16, idTag: new string('A', 20)));

        Assert.Equal(ReservationStatus.Active, result.Reservation.Status);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(36)]
    public async Task ReserveAsync_LongIdTagUpTo36On201_IsAccepted(int length)
    {
        var result = await _hub.ReserveAsync(_hub.Command(Cp201, idTag: new string('A', length)));

        Assert.Equal(ReservationStatus.Active, result.Reservation.Status);
        Assert.Equal(length, Assert.Single(_hub.Gateway.ReserveCalls).Terms.IdTag.Length);
    }

    [Fact]
    public async Task ReserveAsync_UnknownCharger_ThrowsNotFound()
    {
        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.ReserveAsync(_hub.Command("NOPE")));

        Assert.Equal(HubErrorKind.NotFound, ex.Kind);
        Assert.Empty(_hub.Gateway.ReserveCalls);
    }

    [Fact]
    public async Task ReserveAsync_UnknownChargerAndExpiryInPast_ValidationComesBeforeNotFound()
    {
        var command = _hub.Command("NOPE") with { ExpiresAt = _hub.Now.AddMinutes(-1) };

        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.ReserveAsync(command));

        Assert.Equal(HubErrorKind.Validation, ex.Kind);
    }

    [Fact]
    public async Task ReserveAsync_UnknownChargerAndIdTagTooLongFor16_NotFoundComesBeforeProtocolChecks()
    {
        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.ReserveAsync(_hub.Command("NOPE", idTag: new string('A', 30))));

        Assert.Equal(HubErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task ReserveAsync_ChargerDisconnected_ThrowsChargerOfflineAndStoresNothing()
    {
        _hub.Gateway.Disconnect(Cp16);

        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.ReserveAsync(_hub.Command()));

        Assert.Equal(HubErrorKind.ChargerOffline, ex.Kind);
        AssertNothingHappened(Cp16);
    }

    [Fact]
    public async Task ReserveAsync_ChargerTimesOut_StoresFailedThrowsTimeoutAndCancelsOnTheCharger()
    {
        _hub.Gateway.ScriptReserve(GatewayOutcome<ChargerReserveStatus>.Timeout);

        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.ReserveAsync(_hub.Command()));

        Assert.Equal(HubErrorKind.ChargerTimeout, ex.Kind);
        var sentId = Assert.Single(_hub.Gateway.ReserveCalls).ReservationId;
        var stored = _hub.Stored(Cp16, sentId);
        Assert.Equal(ReservationStatus.Failed, stored.Status);
        Assert.NotNull(stored.Reason);
        Assert.Null(_hub.Expiry.ScheduledAt(Cp16, sentId));
        Assert.Equal(ReservationStatus.Failed, _hub.Events.ReservationChanges[^1].Reservation.Status);
        await _hub.Gateway.WaitForCancelCallsAsync(1);
        Assert.Equal(new CancelReservationCall(Cp16, sentId), Assert.Single(_hub.Gateway.CancelCalls));
    }

    [Fact]
    public async Task ReserveAsync_TimeoutAndBestEffortCancelFails_StillReportsTheTimeout()
    {
        _hub.Gateway.ScriptReserve(GatewayOutcome<ChargerReserveStatus>.Timeout);
        _hub.Gateway.ScriptCancel(GatewayOutcome<ChargerCancelStatus>.Offline);

        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.ReserveAsync(_hub.Command()));
        await _hub.Gateway.WaitForCancelCallsAsync(1);

        Assert.Equal(HubErrorKind.ChargerTimeout, ex.Kind);
        Assert.Equal(ReservationStatus.Failed, _hub.Stored(Cp16, 1).Status);
    }

    [Fact]
    public async Task ReserveAsync_ChargerDropsDuringTheCall_StoresFailedAndThrowsChargerOffline()
    {
        _hub.Gateway.ScriptReserve(GatewayOutcome<ChargerReserveStatus>.Offline);

        var ex = await Assert.ThrowsAsync<HubException>(() => _hub.ReserveAsync(_hub.Command()));

        Assert.Equal(HubErrorKind.ChargerOffline, ex.Kind);
        Assert.Equal(ReservationStatus.Failed, _hub.Stored(Cp16, 1).Status);
    }

    public static TheoryData<string> GatewayFailures() => ["timeout", "offline", "unexpected"];

    [Theory]
    [MemberData(nameof(GatewayFailures))]
    public async Task ReserveAsync_AnyGatewayFailure_NeverLeavesPending(string failure)
    {
        _hub.Gateway.ScriptReserve(failure switch
        {
            "timeout" => GatewayOutcome<ChargerReserveStatus>.Timeout,
            "offline" => GatewayOutcome<ChargerReserveStatus>.Offline,
            _ => GatewayOutcome<ChargerReserveStatus>.Throws(new InvalidOperationException("garbled answer")),
        });

        await Assert.ThrowsAsync<HubException>(() => _hub.ReserveAsync(_hub.Command()));

        var stored = Assert.Single(_hub.Reservations.All(Cp16));
        Assert.Equal(ReservationStatus.Failed, stored.Status);
        Assert.Empty(await _hub.Reservations.ListOpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReserveAsync_CallerGivesUpWhileChargerAnswers_StillAppliesTheAnswer()
    {
        using var cts = new CancellationTokenSource();
        _hub.Gateway.HoldReserveAnswers = true;

        var request = _hub.Service.ReserveAsync(_hub.Command(), cts.Token);
        await _hub.Gateway.WaitForReserveCallsAsync(1);
        await cts.CancelAsync();
        _hub.Gateway.ReleaseAllReserves();
        var result = await request.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ReservationStatus.Active, result.Reservation.Status);
        Assert.Equal(ReservationStatus.Active, _hub.Stored(Cp16, result.Reservation.ReservationId).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public async Task ReserveAsync_AnyConnector_SendsConnectorZeroAndReportsConnectorZero(int? connectorId)
    {
        var result = await _hub.ReserveAsync(_hub.Command(Cp16, connectorId));

        Assert.Equal(ReservationStatus.Active, result.Reservation.Status);
        Assert.Equal(0, result.Reservation.ConnectorId);
        var sent = Assert.Single(_hub.Gateway.ReserveCalls).Terms;
        Assert.Equal(0, sent.ConnectorId);
        Assert.True(sent.IsAnyConnector);
    }

    [Fact]
    public async Task ReserveAsync_ConnectorTypeOn201_SendsTheTypeWithoutConnector()
    {
        var result = await _hub.ReserveAsync(_hub.Command(Cp201, connectorId: null, connectorType: "cCCS2"));

        Assert.Equal(ReservationStatus.Active, result.Reservation.Status);
        Assert.Equal(("cCCS2", 0), (result.Reservation.ConnectorType, result.Reservation.ConnectorId));
        var sent = Assert.Single(_hub.Gateway.ReserveCalls).Terms;
        Assert.Equal(("cCCS2", 0), (sent.ConnectorType, sent.ConnectorId));
    }

    [Fact]
    public async Task ReserveAsync_NoIdTokenType_DefaultsToCentral()
    {
        var result = await _hub.ReserveAsync(_hub.Command(Cp201) with { IdTokenType = null });

        Assert.Equal("Central", result.Reservation.IdTokenType);
        Assert.Equal("Central", Assert.Single(_hub.Gateway.ReserveCalls).Terms.IdTokenType);
    }

    [Fact]
    public async Task ReserveAsync_NoIdOnNewCharger_StartsAtOne()
    {
        var result = await _hub.ReserveAsync(_hub.Command());

        Assert.Equal(1, result.Reservation.ReservationId);
    }

    [Fact]
    public async Task ReserveAsync_HubAssignsIds_NeverReusesAnIdUsedBeforeOnThatCharger()
    {
        _hub.Gateway.ScriptReserve(ChargerReserveStatus.Rejected);
        var explicitDeclined = await _hub.ReserveAsync(_hub.Command(connectorId: 1, reservationId: 41));
        var first = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));
        await _hub.Service.CancelAsync(Cp16, first.ReservationId, CancellationToken.None);
        var second = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 2, idTag: "TAG-B"));
        var onOtherCharger = await _hub.ReserveActiveAsync(_hub.Command(Cp201, connectorId: 1));

        Assert.Equal(ReservationStatus.Declined, explicitDeclined.Reservation.Status);
        Assert.Equal(42, first.ReservationId);
        Assert.Equal(43, second.ReservationId);
        Assert.Equal(1, onOtherCharger.ReservationId);
        var ids = _hub.Gateway.ReserveCalls.Where(c => c.ChargerId == Cp16).Select(c => c.ReservationId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task ReserveAsync_ConcurrentRequestsWithoutId_GetDistinctIds()
    {
        _hub.Gateway.HoldReserveAnswers = true;

        var a = _hub.ReserveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));
        var b = _hub.ReserveAsync(_hub.Command(connectorId: 2, idTag: "TAG-B"));
        await _hub.Gateway.WaitForReserveCallsAsync(2);
        _hub.Gateway.ReleaseAllReserves();
        var results = await Task.WhenAll(a, b);

        Assert.NotEqual(results[0].Reservation.ReservationId, results[1].Reservation.ReservationId);
        Assert.All(results, r => Assert.Equal(ReservationStatus.Active, r.Reservation.Status));
    }

    [Fact]
    public async Task ReserveAsync_ConnectorHeldForSomeoneElse_AnswersOccupiedWithoutAskingTheCharger()
    {
        var held = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));

        var result = await _hub.ReserveAsync(_hub.Command(connectorId: 1, idTag: "TAG-B"));

        Assert.Equal(ChargerReserveStatus.Occupied, result.Status);
        Assert.Equal(ReservationStatus.Declined, result.Reservation.Status);
        Assert.Equal("Occupied", result.Reservation.Reason);
        Assert.Single(_hub.Gateway.ReserveCalls);
        Assert.Equal(ReservationStatus.Declined, _hub.Stored(Cp16, result.Reservation.ReservationId).Status);
        Assert.Equal(ReservationStatus.Active, _hub.Stored(Cp16, held.ReservationId).Status);
        Assert.NotEqual(held.ReservationId, result.Reservation.ReservationId);
        Assert.Equal(ReservationStatus.Declined, _hub.Events.ReservationChanges[^1].Reservation.Status);
    }

    [Fact]
    public async Task ReserveAsync_ConnectorHeldForTheSameIdTag_IsLeftToTheCharger()
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));

        var result = await _hub.ReserveAsync(_hub.Command(connectorId: 1, idTag: "tag-a"));

        Assert.Equal(2, _hub.Gateway.ReserveCalls.Count);
        Assert.Equal(ReservationStatus.Active, result.Reservation.Status);
    }

    [Theory]
    [InlineData(2)] // another connector
    [InlineData(0)] // any connector: the charger decides
    public async Task ReserveAsync_OtherConnectorOrAnyWhileOneIsHeld_IsLeftToTheCharger(int connectorId)
    {
        await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));

        var result = await _hub.ReserveAsync(_hub.Command(connectorId: connectorId, idTag: "TAG-B"));

        Assert.Equal(2, _hub.Gateway.ReserveCalls.Count);
        Assert.Equal(ChargerReserveStatus.Accepted, result.Status);
    }

    [Fact]
    public async Task ReserveAsync_ConnectorFreedAgain_CanBeReservedBySomeoneElse()
    {
        var held = await _hub.ReserveActiveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));
        await _hub.Service.CancelAsync(Cp16, held.ReservationId, CancellationToken.None);

        var result = await _hub.ReserveAsync(_hub.Command(connectorId: 1, idTag: "TAG-B"));

        Assert.Equal(ReservationStatus.Active, result.Reservation.Status);
    }

    [Fact]
    public async Task ReserveAsync_TwoConcurrentRequestsForOneConnector_ExactlyOneEndsActive()
    {
        _hub.Gateway.HoldReserveAnswers = true;

        var a = _hub.ReserveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));
        var b = _hub.ReserveAsync(_hub.Command(connectorId: 1, idTag: "TAG-B"));
        await _hub.Gateway.WaitForReserveCallsAsync(1);
        var decidedByHub = await Task.WhenAny(a, b).WaitAsync(TimeSpan.FromSeconds(10));
        _hub.Gateway.ReleaseAllReserves();
        var results = await Task.WhenAll(a, b);

        Assert.Single(_hub.Gateway.ReserveCalls);
        Assert.Equal(ChargerReserveStatus.Occupied, (await decidedByHub).Status);
        Assert.Single(results, r => r.Reservation.Status == ReservationStatus.Active);
        Assert.Single(results, r => r.Reservation.Status == ReservationStatus.Declined);
        var stored = _hub.Reservations.All(Cp16);
        Assert.Single(stored, r => r.Status == ReservationStatus.Active);
        Assert.Equal(2, stored.Count);
    }

    [Fact]
    public async Task ReserveAsync_SecondRequestWhileFirstAwaitsCharger_IsOccupiedAndFirstStaysActive()
    {
        _hub.Gateway.HoldReserveAnswers = true;
        var first = _hub.ReserveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));
        await _hub.Gateway.WaitForReserveCallsAsync(1);

        var second = await _hub.ReserveAsync(_hub.Command(connectorId: 1, idTag: "TAG-B")).WaitAsync(TimeSpan.FromSeconds(10));
        _hub.Gateway.ReleaseAllReserves();
        var firstResult = await first;

        Assert.Equal(ChargerReserveStatus.Occupied, second.Status);
        Assert.Equal(ReservationStatus.Active, firstResult.Reservation.Status);
        Assert.Equal("TAG-A", Assert.Single(_hub.Gateway.ReserveCalls).Terms.IdTag);
    }

    [Fact]
    public async Task ReserveAsync_FirstOfTwoConcurrentRequestsDeclined_SecondWasStillRefused()
    {
        _hub.Gateway.HoldReserveAnswers = true;
        _hub.Gateway.ScriptReserve(ChargerReserveStatus.Faulted);
        var first = _hub.ReserveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));
        await _hub.Gateway.WaitForReserveCallsAsync(1);

        var second = await _hub.ReserveAsync(_hub.Command(connectorId: 1, idTag: "TAG-B")).WaitAsync(TimeSpan.FromSeconds(10));
        _hub.Gateway.ReleaseAllReserves();
        await first;

        Assert.Equal(ChargerReserveStatus.Occupied, second.Status);
        Assert.Empty(await _hub.Reservations.ListOpenAsync(Cp16, CancellationToken.None));
    }

    [Fact]
    public async Task ReserveAsync_HubEnforcedCharger_ActiveWithoutReserveNow()
    {
        _hub.Charger(Cp16).Reservations = ReservationSupport.Hub;

        var result = await _hub.ReserveAsync(_hub.Command(connectorId: 1));

        Assert.Equal(ChargerReserveStatus.Accepted, result.Status);
        Assert.Equal(ReservationStatus.Active, result.Reservation.Status);
        Assert.True(result.Reservation.EnforcedByHub);
        Assert.Empty(_hub.Gateway.ReserveCalls);
        var stored = _hub.Stored(Cp16, result.Reservation.ReservationId);
        Assert.True(stored.EnforcedByHub);
        Assert.Equal(ReservationStatus.Active, stored.Status);
        Assert.NotNull(_hub.Expiry.ScheduledAt(Cp16, stored.ReservationId));
    }

    [Fact]
    public async Task ReserveAsync_HubEnforcedChargerAnyConnector_RejectedWithAReason()
    {
        _hub.Charger(Cp16).Reservations = ReservationSupport.Hub;

        var result = await _hub.ReserveAsync(_hub.Command(connectorId: 0));

        Assert.Equal(ChargerReserveStatus.Rejected, result.Status);
        Assert.Equal(ReservationStatus.Declined, result.Reservation.Status);
        Assert.False(string.IsNullOrWhiteSpace(result.Reservation.Reason));
        Assert.Empty(_hub.Gateway.ReserveCalls);
        var stored = _hub.Stored(Cp16, result.Reservation.ReservationId);
        Assert.Equal(ReservationStatus.Declined, stored.Status);
        var cause = stored.Transitions[^1].Cause;
        Assert.False(string.IsNullOrWhiteSpace(cause));
        Assert.NotEqual("the charger answered Rejected", cause);
    }

    [Fact]
    public async Task ReserveAsync_HubEnforcedChargerSecondIdTagOnSameConnector_AnswersOccupied()
    {
        _hub.Charger(Cp16).Reservations = ReservationSupport.Hub;
        await _hub.ReserveAsync(_hub.Command(connectorId: 1, idTag: "TAG-A"));

        var result = await _hub.ReserveAsync(_hub.Command(connectorId: 1, idTag: "TAG-B"));

        Assert.Equal(ChargerReserveStatus.Occupied, result.Status);
        Assert.Single(await _hub.Reservations.ListOpenAsync(Cp16, CancellationToken.None));
    }

    private void AssertNothingHappened(string chargerId)
    {
        Assert.Empty(_hub.Reservations.All(chargerId));
        Assert.Empty(_hub.Gateway.ReserveCalls);
        Assert.Empty(_hub.Events.Events);
        Assert.Empty(_hub.Expiry.Scheduled);
    }
}
