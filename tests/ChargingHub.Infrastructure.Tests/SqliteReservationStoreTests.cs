using ChargingHub.Domain;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;
using ChargingHub.Infrastructure.Stores;

namespace ChargingHub.Infrastructure.Tests;

public sealed class SqliteReservationStoreTests : SqliteTestBase
{
    private SqliteReservationStore Store => new(Database);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SeedChargerAsync("CP1", 1, 2);
        await SeedChargerAsync("CP2", 1);
    }

    [Fact]
    public async Task AddAsync_NewReservation_SetsKeyAndRoundTripsEveryField()
    {
        var reservation = Reservation.Request("CP1", 42, new ReservationTerms
        {
            ConnectorId = 0,
            ConnectorType = "cType2",
            IdTag = "TAG-1",
            IdTokenType = "ISO14443",
            ParentIdTag = "GROUP",
            ExpiresAt = TestData.T0.AddHours(2),
        }, enforcedByHub: true, TestData.T0);
        reservation.Decline(ChargerReserveStatus.Occupied, TestData.T0.AddTicks(7), "connector 1 is taken");

        await Store.AddAsync(reservation, CancellationToken.None);
        var loaded = await Store.FindLatestAsync("CP1", 42, CancellationToken.None);

        Assert.NotEqual(0, reservation.Key);
        Assert.Equal(0, reservation.UnsavedTransitions);
        Assert.NotNull(loaded);
        AssertSame(reservation, loaded);
        Assert.Equal("Occupied", loaded.Reason);
    }

    [Fact]
    public async Task UpdateAsync_SeveralUpdates_AppendsEachTransitionOnce()
    {
        var reservation = Request("CP1", 1, connectorId: 1, "TAG");
        await Store.AddAsync(reservation, CancellationToken.None);

        reservation.Accept(TestData.T0.AddSeconds(1));
        await Store.UpdateAsync(reservation, CancellationToken.None);
        var afterAccept = (await Store.FindOpenAsync("CP1", 1, CancellationToken.None))!;

        afterAccept.Replace(afterAccept.Terms with { ConnectorId = 2, ExpiresAt = TestData.T0.AddHours(3) }, TestData.T0.AddSeconds(2));
        await Store.UpdateAsync(afterAccept, CancellationToken.None);
        var afterReplace = (await Store.FindOpenAsync("CP1", 1, CancellationToken.None))!;

        afterReplace.Expire(TestData.T0.AddHours(3), "expired");
        await Store.UpdateAsync(afterReplace, CancellationToken.None);
        var final = (await Store.FindLatestAsync("CP1", 1, CancellationToken.None))!;

        AssertSame(afterReplace, final);
        Assert.Equal(
            [
                new ReservationTransition(ReservationStatus.Pending, ReservationStatus.Active, TestData.T0.AddSeconds(1), "accepted by the charger"),
                new ReservationTransition(ReservationStatus.Active, ReservationStatus.Active, TestData.T0.AddSeconds(2), "replaced by a new request with the same id"),
                new ReservationTransition(ReservationStatus.Active, ReservationStatus.Expired, TestData.T0.AddHours(3), "expired"),
            ],
            final.Transitions);
        Assert.Equal(2, final.Terms.ConnectorId);
        Assert.Null(await Store.FindOpenAsync("CP1", 1, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_NothingChanged_AddsNoTransition()
    {
        var reservation = Request("CP1", 1, connectorId: 1, "TAG");
        reservation.Accept(TestData.T0);
        await Store.AddAsync(reservation, CancellationToken.None);

        await Store.UpdateAsync(reservation, CancellationToken.None);

        Assert.Single((await Store.FindOpenAsync("CP1", 1, CancellationToken.None))!.Transitions);
    }

    [Fact]
    public async Task UpdateAsync_NotAdded_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.UpdateAsync(Request("CP1", 1, 1, "T"), CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_SecondOpenReservationWithSameIdOnCharger_ThrowsConflict()
    {
        await Store.AddAsync(Request("CP1", 5, connectorId: 1, "A"), CancellationToken.None);

        var duplicate = Request("CP1", 5, connectorId: 2, "B");
        var ex = await Assert.ThrowsAsync<HubException>(() => Store.AddAsync(duplicate, CancellationToken.None));

        Assert.Equal(HubErrorKind.Conflict, ex.Kind);
        Assert.Equal(0, duplicate.Key);
    }

    [Fact]
    public async Task AddAsync_SameIdOnAnotherCharger_Succeeds()
    {
        await Store.AddAsync(Request("CP1", 5, connectorId: 1, "A"), CancellationToken.None);

        await Store.AddAsync(Request("CP2", 5, connectorId: 1, "A"), CancellationToken.None);

        Assert.NotNull(await Store.FindOpenAsync("CP2", 5, CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_SameIdAfterFirstEnded_SucceedsAndKeepsHistory()
    {
        var first = Request("CP1", 5, connectorId: 1, "A");
        first.Accept(TestData.T0);
        await Store.AddAsync(first, CancellationToken.None);
        first.Cancel(TestData.T0.AddMinutes(1), "cancelled through the hub");
        await Store.UpdateAsync(first, CancellationToken.None);

        var second = Request("CP1", 5, connectorId: 2, "B", createdAt: TestData.T0.AddMinutes(2));
        await Store.AddAsync(second, CancellationToken.None);

        var open = await Store.FindOpenAsync("CP1", 5, CancellationToken.None);
        var all = await Store.QueryAsync(new ReservationQuery(ChargerId: "CP1"), CancellationToken.None);
        Assert.Equal(second.Key, open?.Key);
        Assert.Equal([(second.Key, ReservationStatus.Pending), (first.Key, ReservationStatus.Canceled)], all.Select(r => (r.Key, r.Status)));
    }

    [Fact]
    public async Task FindLatestAsync_IdUsedSeveralTimes_PrefersTheOpenOneElseTheNewest()
    {
        var ended = Request("CP1", 3, 1, "A");
        ended.Accept(TestData.T0);
        ended.Expire(TestData.T0.AddMinutes(1), "expired");
        await Store.AddAsync(ended, CancellationToken.None);
        var open = Request("CP1", 3, 1, "B", createdAt: TestData.T0.AddMinutes(2));
        open.Accept(TestData.T0.AddMinutes(2));
        await Store.AddAsync(open, CancellationToken.None);
        var declinedLater = Request("CP1", 3, 2, "C", createdAt: TestData.T0.AddMinutes(3));
        declinedLater.Decline(ChargerReserveStatus.Occupied, TestData.T0.AddMinutes(3), "taken");
        await Store.AddAsync(declinedLater, CancellationToken.None);

        Assert.Equal(open.Key, (await Store.FindLatestAsync("CP1", 3, CancellationToken.None))?.Key);

        open.Use(TestData.T0.AddMinutes(4), "used");
        await Store.UpdateAsync(open, CancellationToken.None);

        Assert.Equal(declinedLater.Key, (await Store.FindLatestAsync("CP1", 3, CancellationToken.None))?.Key);
        Assert.Null(await Store.FindLatestAsync("CP1", 99, CancellationToken.None));
    }

    [Fact]
    public async Task NextReservationIdAsync_NewCharger_ReturnsOne()
    {
        Assert.Equal(1, await Store.NextReservationIdAsync("CP2", CancellationToken.None));
    }

    [Fact]
    public async Task NextReservationIdAsync_EndedAndOpenReservations_IsOneMoreThanHighestEverUsed()
    {
        var highest = Request("CP1", 7, 1, "A");
        highest.Decline(ChargerReserveStatus.Rejected, TestData.T0, "no");
        await Store.AddAsync(highest, CancellationToken.None);
        await Store.AddAsync(Request("CP1", 3, 2, "B"), CancellationToken.None);
        await Store.AddAsync(Request("CP2", 50, 1, "C"), CancellationToken.None);

        Assert.Equal(8, await Store.NextReservationIdAsync("CP1", CancellationToken.None));
        Assert.Equal(51, await Store.NextReservationIdAsync("CP2", CancellationToken.None));
    }

    [Fact]
    public async Task ListOpenAsync_MixedStatuses_ReturnsPendingAndActiveOnly()
    {
        var active = Request("CP1", 1, 1, "A");
        active.Accept(TestData.T0);
        await Store.AddAsync(active, CancellationToken.None);
        var pending = Request("CP1", 2, 2, "B");
        await Store.AddAsync(pending, CancellationToken.None);
        var failed = Request("CP1", 3, 2, "C");
        failed.Fail(TestData.T0, "no answer");
        await Store.AddAsync(failed, CancellationToken.None);
        var otherCharger = Request("CP2", 1, 1, "D");
        await Store.AddAsync(otherCharger, CancellationToken.None);

        var openOnCp1 = await Store.ListOpenAsync("CP1", CancellationToken.None);
        var openEverywhere = await Store.ListOpenAsync(CancellationToken.None);

        Assert.Equal([active.Key, pending.Key], openOnCp1.Select(r => r.Key));
        Assert.Equal([active.Key, pending.Key, otherCharger.Key], openEverywhere.Select(r => r.Key));
        Assert.Single(openOnCp1[0].Transitions);
    }

    [Fact]
    public async Task QueryAsync_Filters_NewestFirstAndLimited()
    {
        // Created a minute apart, in this order; ids double as the creation order.
        var specs = new (string Charger, string Tag, bool Accept)[]
        {
            ("CP1", "alice", true), ("CP1", "bob", false), ("CP2", "ALICE", true), ("CP1", "carol", true), ("CP2", "bob", true),
        };
        for (var i = 0; i < specs.Length; i++)
        {
            var r = Request(specs[i].Charger, i + 1, 1, specs[i].Tag, createdAt: TestData.T0.AddMinutes(i));
            if (specs[i].Accept)
            {
                r.Accept(TestData.T0.AddMinutes(i));
            }

            await Store.AddAsync(r, CancellationToken.None);
        }

        async Task<int[]> Ids(ReservationQuery query) =>
            (await Store.QueryAsync(query, CancellationToken.None)).Select(r => r.ReservationId).ToArray();

        Assert.Equal(new[] { 5, 4, 3, 2, 1 }, await Ids(new ReservationQuery()));
        Assert.Equal(new[] { 4, 2, 1 }, await Ids(new ReservationQuery(ChargerId: "CP1")));
        Assert.Equal(new[] { 5, 4, 3, 1 }, await Ids(new ReservationQuery(Status: ReservationStatus.Active)));
        Assert.Equal(new[] { 3, 1 }, await Ids(new ReservationQuery(IdTags: ["Alice"])));
        Assert.Equal(new[] { 5, 3, 2, 1 }, await Ids(new ReservationQuery(IdTags: ["alice", "BOB"])));
        Assert.Equal(new[] { 4, 1 }, await Ids(new ReservationQuery(ChargerId: "CP1", Status: ReservationStatus.Active)));
        Assert.Equal(new[] { 3 }, await Ids(new ReservationQuery(ChargerId: "CP2", Status: ReservationStatus.Active, IdTags: ["alice"])));
        Assert.Equal(new[] { 5, 4 }, await Ids(new ReservationQuery(Limit: 2)));
        Assert.Empty(await Ids(new ReservationQuery(IdTags: [])));
        Assert.Empty(await Ids(new ReservationQuery(Status: ReservationStatus.Expired)));
    }

    [Fact]
    public async Task QueryAsync_SameCreationTime_NewerKeyFirst()
    {
        var first = Request("CP1", 1, 1, "A");
        var second = Request("CP1", 2, 2, "B");
        await Store.AddAsync(first, CancellationToken.None);
        await Store.AddAsync(second, CancellationToken.None);

        var all = await Store.QueryAsync(new ReservationQuery(), CancellationToken.None);

        Assert.Equal([second.Key, first.Key], all.Select(r => r.Key));
    }

    [Fact]
    public async Task QueryAsync_ManyReservations_LoadsTransitionsOfEach()
    {
        for (var i = 1; i <= 600; i++)
        {
            var r = Request("CP1", i, 1, $"T{i}");
            r.Accept(TestData.T0);
            r.Cancel(TestData.T0.AddSeconds(i), $"cancel {i}");
            await Store.AddAsync(r, CancellationToken.None);
        }

        var all = await Store.QueryAsync(new ReservationQuery(Limit: 1000), CancellationToken.None);

        Assert.Equal(600, all.Count);
        Assert.All(all, r => Assert.Equal($"cancel {r.ReservationId}", r.Transitions[^1].Cause));
        Assert.All(all, r => Assert.Equal(2, r.Transitions.Count));
    }

    private static Reservation Request(string chargerId, int reservationId, int connectorId, string idTag, DateTimeOffset? createdAt = null) =>
        Reservation.Request(chargerId, reservationId, new ReservationTerms
        {
            ConnectorId = connectorId,
            IdTag = idTag,
            ExpiresAt = TestData.T0.AddHours(1),
        }, enforcedByHub: false, createdAt ?? TestData.T0);

    private static void AssertSame(Reservation expected, Reservation actual)
    {
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.ToView(), actual.ToView());
        Assert.Equal(expected.Terms, actual.Terms);
        Assert.Equal(expected.Transitions, actual.Transitions);
        Assert.Equal(expected.CreatedAt.UtcTicks, actual.CreatedAt.UtcTicks);
        Assert.Equal(expected.UpdatedAt.UtcTicks, actual.UpdatedAt.UtcTicks);
        Assert.Equal(expected.Terms.ExpiresAt.UtcTicks, actual.Terms.ExpiresAt.UtcTicks);
        Assert.Equal(0, actual.UnsavedTransitions);
    }
}
