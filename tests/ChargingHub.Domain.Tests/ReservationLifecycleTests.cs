using ChargingHub.Domain.Reservations;

namespace ChargingHub.Domain.Tests;

public sealed class ReservationLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly ReservationTerms OldTerms = new() { ConnectorId = 1, IdTag = "OLD", ExpiresAt = T0.AddHours(1) };

    private static readonly ReservationTerms NewTerms = new() { ConnectorId = 2, IdTag = "NEW", ExpiresAt = T0.AddHours(2) };

    /// <summary>The table as docs/contract.md and the lifecycle's own documentation describe it.</summary>
    private static readonly HashSet<(ReservationStatus From, ReservationStatus To)> DocumentedMoves =
    [
        (ReservationStatus.Pending, ReservationStatus.Active),
        (ReservationStatus.Pending, ReservationStatus.Declined),
        (ReservationStatus.Pending, ReservationStatus.Failed),
        (ReservationStatus.Active, ReservationStatus.Active), // replaced by a ReserveNow with the same id (H01.FR.02)
        (ReservationStatus.Active, ReservationStatus.Used),
        (ReservationStatus.Active, ReservationStatus.Expired),
        (ReservationStatus.Active, ReservationStatus.Canceled),
        (ReservationStatus.Active, ReservationStatus.Removed),
    ];

    /// <summary>Each trigger method of <see cref="Reservation"/> and the status it aims at.</summary>
    private static readonly Dictionary<string, (ReservationStatus Target, Action<Reservation, DateTimeOffset> Invoke)> Triggers = new()
    {
        ["Accept"] = (ReservationStatus.Active, (r, at) => r.Accept(at)),
        ["AcceptOnBehalfOfCharger"] = (ReservationStatus.Active, (r, at) => r.AcceptOnBehalfOfCharger(at)),
        ["Replace"] = (ReservationStatus.Active, (r, at) => r.Replace(NewTerms, at)),
        ["Decline"] = (ReservationStatus.Declined, (r, at) => r.Decline(ChargerReserveStatus.Occupied, at, "the charger answered Occupied")),
        ["Fail"] = (ReservationStatus.Failed, (r, at) => r.Fail(at, "no answer")),
        ["Use"] = (ReservationStatus.Used, (r, at) => r.Use(at, "transaction started")),
        ["Expire"] = (ReservationStatus.Expired, (r, at) => r.Expire(at, "expiry passed")),
        ["Cancel"] = (ReservationStatus.Canceled, (r, at) => r.Cancel(at, "cancelled through the hub")),
        ["Remove"] = (ReservationStatus.Removed, (r, at) => r.Remove(at, "connector faulted")),
    };

    public static TheoryData<ReservationStatus, ReservationStatus> AllPairs()
    {
        var data = new TheoryData<ReservationStatus, ReservationStatus>();
        foreach (var from in Enum.GetValues<ReservationStatus>())
        {
            foreach (var to in Enum.GetValues<ReservationStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    public static TheoryData<ReservationStatus, string> AllStatesAndTriggers()
    {
        var data = new TheoryData<ReservationStatus, string>();
        foreach (var from in Enum.GetValues<ReservationStatus>())
        {
            foreach (var trigger in Triggers.Keys)
            {
                data.Add(from, trigger);
            }
        }

        return data;
    }

    /// <summary>
    /// A trigger is legal when the table allows its move; accepting is additionally only an answer to a Pending
    /// request (Active→Active is reserved for Replace).
    /// </summary>
    private static bool IsLegal(ReservationStatus from, string trigger, ReservationStatus target) =>
        DocumentedMoves.Contains((from, target))
        && (trigger is not ("Accept" or "AcceptOnBehalfOfCharger") || from == ReservationStatus.Pending);

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void CanMove_AnyPair_MatchesDocumentedTable(ReservationStatus from, ReservationStatus to) =>
        Assert.Equal(DocumentedMoves.Contains((from, to)), ReservationLifecycle.CanMove(from, to));

    [Fact]
    public void AllPairs_CoverEveryStatusPair() =>
        Assert.Equal(Enum.GetValues<ReservationStatus>().Length * Enum.GetValues<ReservationStatus>().Length, AllPairs().Count);

    [Theory]
    [MemberData(nameof(AllStatesAndTriggers))]
    public void Trigger_FromAnyState_ThrowsExactlyForIllegalMoves(ReservationStatus from, string trigger)
    {
        var (target, invoke) = Triggers[trigger];
        var reservation = InState(from);
        var at = T0.AddMinutes(5);

        if (IsLegal(from, trigger, target))
        {
            invoke(reservation, at);

            Assert.Equal(target, reservation.Status);
            Assert.Equal(at, reservation.UpdatedAt);
            var transition = Assert.Single(reservation.Transitions);
            Assert.Equal(from, transition.From);
            Assert.Equal(target, transition.To);
            Assert.Equal(at, transition.At);
            Assert.False(string.IsNullOrWhiteSpace(transition.Cause));
            Assert.Equal(1, reservation.UnsavedTransitions);
        }
        else
        {
            var ex = Assert.Throws<InvalidReservationTransitionException>(() => invoke(reservation, at));

            Assert.Equal(from, ex.From);
            Assert.Equal(target, ex.To);
            Assert.Equal(from, reservation.Status);
            Assert.Equal(T0, reservation.UpdatedAt);
            Assert.Empty(reservation.Transitions);
            Assert.Equal(0, reservation.UnsavedTransitions);
            Assert.Equal(OldTerms, reservation.Terms);
        }
    }

    [Theory]
    [InlineData(ReservationStatus.Pending, true)]
    [InlineData(ReservationStatus.Active, true)]
    [InlineData(ReservationStatus.Used, false)]
    [InlineData(ReservationStatus.Expired, false)]
    [InlineData(ReservationStatus.Canceled, false)]
    [InlineData(ReservationStatus.Removed, false)]
    [InlineData(ReservationStatus.Declined, false)]
    [InlineData(ReservationStatus.Failed, false)]
    public void IsOpen_EachStatus_TrueOnlyForPendingAndActive(ReservationStatus status, bool open) =>
        Assert.Equal(open, status.IsOpen());

    [Fact]
    public void Request_NewReservation_IsPendingWithNoTransitions()
    {
        var reservation = Reservation.Request("CP", 7, OldTerms, enforcedByHub: false, T0);

        Assert.Equal(ReservationStatus.Pending, reservation.Status);
        Assert.Equal(T0, reservation.CreatedAt);
        Assert.Equal(T0, reservation.UpdatedAt);
        Assert.Empty(reservation.Transitions);
        Assert.Equal(0, reservation.Key);
    }

    [Fact]
    public void Transitions_WholeLife_RecordsEveryMoveWithTimeAndCauseInOrder()
    {
        var reservation = Reservation.Request("CP", 7, OldTerms, enforcedByHub: false, T0);

        reservation.Accept(T0.AddSeconds(1));
        reservation.Replace(NewTerms, T0.AddMinutes(1));
        reservation.Use(T0.AddMinutes(2), "a transaction started with its reservation id");

        Assert.Collection(reservation.Transitions,
            t => Assert.Equal((ReservationStatus.Pending, ReservationStatus.Active, T0.AddSeconds(1)), (t.From, t.To, t.At)),
            t => Assert.Equal((ReservationStatus.Active, ReservationStatus.Active, T0.AddMinutes(1)), (t.From, t.To, t.At)),
            t => Assert.Equal((ReservationStatus.Active, ReservationStatus.Used, T0.AddMinutes(2)), (t.From, t.To, t.At)));
        Assert.Equal("a transaction started with its reservation id", reservation.Transitions[^1].Cause);
        Assert.Equal(3, reservation.UnsavedTransitions);
        Assert.Equal(T0, reservation.CreatedAt);
        Assert.Equal(T0.AddMinutes(2), reservation.UpdatedAt);
    }

    [Fact]
    public void MarkTransitionsSaved_AfterMoves_ResetsUnsavedCountButKeepsHistory()
    {
        var reservation = Reservation.Request("CP", 7, OldTerms, enforcedByHub: false, T0);
        reservation.Accept(T0.AddSeconds(1));

        reservation.MarkTransitionsSaved();
        reservation.Expire(T0.AddHours(1), "expiry passed");

        Assert.Equal(1, reservation.UnsavedTransitions);
        Assert.Equal(2, reservation.Transitions.Count);
    }

    [Fact]
    public void Replace_ActiveReservation_TakesTheNewTerms()
    {
        var reservation = InState(ReservationStatus.Active);

        reservation.Replace(NewTerms, T0.AddMinutes(1));

        Assert.Equal(NewTerms, reservation.Terms);
        Assert.Equal(ReservationStatus.Active, reservation.Status);
        Assert.Equal(T0, reservation.CreatedAt);
    }

    [Fact]
    public void Decline_PendingReservation_KeepsTheChargerStatusAsReason()
    {
        var reservation = InState(ReservationStatus.Pending);

        reservation.Decline(ChargerReserveStatus.Unavailable, T0.AddSeconds(1), "the charger answered Unavailable");

        Assert.Equal("Unavailable", reservation.Reason);
        Assert.Equal("the charger answered Unavailable", reservation.Transitions[^1].Cause);
    }

    [Theory]
    [InlineData("Cancel")]
    [InlineData("Remove")]
    public void EndingWithCause_ActiveReservation_KeepsTheCauseAsReason(string trigger)
    {
        var reservation = InState(ReservationStatus.Active);

        Triggers[trigger].Invoke(reservation, T0.AddMinutes(1));

        Assert.NotNull(reservation.Reason);
        Assert.Equal(reservation.Transitions[^1].Cause, reservation.Reason);
    }

    [Fact]
    public void Fail_PendingReservation_KeepsTheCauseAsReason()
    {
        var reservation = InState(ReservationStatus.Pending);

        reservation.Fail(T0.AddSeconds(15), "the charger did not answer in time");

        Assert.Equal("the charger did not answer in time", reservation.Reason);
    }

    [Fact]
    public void Restore_StoredReservation_KeepsStateAndHistoryWithoutRecordingAMove()
    {
        var history = new[] { new ReservationTransition(ReservationStatus.Pending, ReservationStatus.Active, T0, "accepted") };

        var reservation = Reservation.Restore(42, "CP", 7, OldTerms, enforcedByHub: true, ReservationStatus.Active, T0, T0.AddSeconds(1),
            "why", history);

        Assert.Equal(42, reservation.Key);
        Assert.Equal(ReservationStatus.Active, reservation.Status);
        Assert.True(reservation.EnforcedByHub);
        Assert.Equal("why", reservation.Reason);
        Assert.Equal(history, reservation.Transitions);
        Assert.Equal(0, reservation.UnsavedTransitions);
    }

    private static Reservation InState(ReservationStatus status) =>
        Reservation.Restore(1, "CP", 7, OldTerms, enforcedByHub: false, status, T0, T0, reason: null, []);
}
