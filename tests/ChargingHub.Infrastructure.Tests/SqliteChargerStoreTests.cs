using ChargingHub.Domain;
using ChargingHub.Domain.Chargers;
using ChargingHub.Infrastructure.Stores;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargingHub.Infrastructure.Tests;

public sealed class SqliteChargerStoreTests : SqliteTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private SqliteChargerStore? _store;

    private SqliteChargerStore Store => _store ??= NewStore();

    public override async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Fact]
    public async Task AddAsync_ThenGetAsync_RoundTripsEveryField()
    {
        var charger = new Charger
        {
            Id = "CP-001",
            DisplayName = "Garage",
            Protocol = ChargerProtocol.Ocpp201,
            Registration = RegistrationStatus.Accepted,
            PasswordHash = "hash$1",
            Vendor = "Acme",
            Model = "Volt 22",
            SerialNumber = "SN-9",
            FirmwareVersion = "1.2.3",
            LastSeen = TestData.T0.AddMinutes(5),
            Reservations = ReservationSupport.Hub,
            AnyConnectorReservations = false,
            CreatedAt = TestData.T0,
            Connectors =
            [
                new Connector(2, ConnectorStatus.Faulted, null, TestData.T0.AddSeconds(2)),
                new Connector(1, ConnectorStatus.Available, "cType2", TestData.T0.AddSeconds(1)),
            ],
        };

        await Store.AddAsync(charger, CancellationToken.None);
        var loaded = await Store.GetAsync("CP-001", CancellationToken.None);

        Assert.NotNull(loaded);
        AssertSameCharger(charger, loaded);
        Assert.Equal(charger.Connectors.OrderBy(c => c.ConnectorId), loaded.Connectors);
    }

    [Fact]
    public async Task AddAsync_OptionalFieldsUnset_RoundTripsNulls()
    {
        var charger = new Charger { Id = "fresh", CreatedAt = TestData.T0 };

        await Store.AddAsync(charger, CancellationToken.None);
        var loaded = await Store.GetAsync("fresh", CancellationToken.None);

        Assert.NotNull(loaded);
        AssertSameCharger(charger, loaded);
        Assert.Null(loaded.Protocol);
        Assert.Null(loaded.AnyConnectorReservations);
        Assert.Empty(loaded.Connectors);
    }

    [Fact]
    public async Task AddAsync_ExistingId_ThrowsConflict()
    {
        await Store.AddAsync(TestData.Charger("CP1"), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<HubException>(() => Store.AddAsync(TestData.Charger("CP1"), CancellationToken.None));

        Assert.Equal(HubErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync("nobody", CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAsync_ChangedFields_SavesThemButNotConnectors()
    {
        await Store.AddAsync(TestData.Charger("CP1", 1), CancellationToken.None);
        var charger = (await Store.GetAsync("CP1", CancellationToken.None))!;
        charger.DisplayName = "Driveway";
        charger.Registration = RegistrationStatus.Pending;
        charger.PasswordHash = null;
        charger.AnyConnectorReservations = true;
        charger.LastSeen = TestData.T0.AddHours(1);
        charger.Protocol = ChargerProtocol.Ocpp201;
        charger.Connectors.Add(new Connector(2, ConnectorStatus.Available, null, TestData.T0));

        await Store.UpdateAsync(charger, CancellationToken.None);
        var loaded = (await Store.GetAsync("CP1", CancellationToken.None))!;

        Assert.Equal("Driveway", loaded.DisplayName);
        Assert.Equal(RegistrationStatus.Pending, loaded.Registration);
        Assert.Null(loaded.PasswordHash);
        Assert.True(loaded.AnyConnectorReservations);
        Assert.Equal(TestData.T0.AddHours(1), loaded.LastSeen);
        Assert.Equal(ChargerProtocol.Ocpp201, loaded.Protocol);
        Assert.Equal([1], loaded.Connectors.Select(c => c.ConnectorId));
    }

    [Fact]
    public async Task UpdateAsync_UnknownCharger_ThrowsNotFound()
    {
        var ex = await Assert.ThrowsAsync<HubException>(() => Store.UpdateAsync(TestData.Charger("ghost"), CancellationToken.None));

        Assert.Equal(HubErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task SaveConnectorAsync_NewThenExistingConnector_InsertsThenReplacesKeepingTheKnownType()
    {
        await Store.AddAsync(TestData.Charger("CP1"), CancellationToken.None);

        await Store.SaveConnectorAsync("CP1", new Connector(1, ConnectorStatus.Available, "cCCS2", TestData.T0), CancellationToken.None);
        var replacement = new Connector(1, ConnectorStatus.Reserved, null, TestData.T0.AddMinutes(1));
        await Store.SaveConnectorAsync("CP1", replacement, CancellationToken.None);

        var expected = replacement with { ConnectorType = "cCCS2" };
        Assert.Equal([expected], (await Store.GetAsync("CP1", CancellationToken.None))!.Connectors);
        await Store.FlushAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.Equal([expected], (await NewStore().GetAsync("CP1", CancellationToken.None))!.Connectors);
    }

    [Fact]
    public async Task SaveConnectorAsync_NullTypeAfterTheTypeIsInTheFile_KeepsIt()
    {
        await Store.AddAsync(TestData.Charger("CP1"), CancellationToken.None);
        await Store.SaveConnectorAsync("CP1", new Connector(1, ConnectorStatus.Available, "cType2", TestData.T0), CancellationToken.None);
        await Store.FlushAsync(CancellationToken.None).WaitAsync(Patience);

        var occupied = new Connector(1, ConnectorStatus.Occupied, null, TestData.T0.AddMinutes(1));
        await Store.SaveConnectorAsync("CP1", occupied, CancellationToken.None);

        Assert.Equal([occupied with { ConnectorType = "cType2" }], (await Store.GetAsync("CP1", CancellationToken.None))!.Connectors);
        await Store.FlushAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.Equal([occupied with { ConnectorType = "cType2" }], (await NewStore().GetAsync("CP1", CancellationToken.None))!.Connectors);
    }

    [Fact]
    public async Task SaveConnectorAsync_ManyStates_ListSeesTheNewestBeforeAndAfterTheyAreWritten()
    {
        await Store.AddAsync(TestData.Charger("A", 1, 2), CancellationToken.None);
        await Store.AddAsync(TestData.Charger("B", 1), CancellationToken.None);
        var statuses = new[] { ConnectorStatus.Available, ConnectorStatus.Occupied, ConnectorStatus.Faulted };
        for (var i = 0; i < 300; i++)
        {
            var chargerId = i % 3 == 2 ? "B" : "A";
            var connectorId = i % 3 == 1 ? 2 : 1;
            await Store.SaveConnectorAsync(chargerId, new Connector(connectorId, statuses[i % 3], null, TestData.T0.AddSeconds(i)), CancellationToken.None);
        }

        var before = await Store.ListAsync(CancellationToken.None);
        await Store.FlushAsync(CancellationToken.None).WaitAsync(Patience);
        var after = await NewStore().ListAsync(CancellationToken.None);

        foreach (var chargers in new[] { before, after })
        {
            Assert.Equal([ConnectorStatus.Faulted], chargers.Single(c => c.Id == "B").Connectors.Select(c => c.Status));
            Assert.Equal([ConnectorStatus.Available, ConnectorStatus.Occupied], chargers.Single(c => c.Id == "A").Connectors.Select(c => c.Status));
            Assert.Equal(TestData.T0.AddSeconds(298), chargers.Single(c => c.Id == "A").Connectors[1].UpdatedAt);
        }
    }

    [Fact]
    public async Task SaveConnectorAsync_UnknownCharger_IsDroppedAndOthersAreWritten()
    {
        await Store.AddAsync(TestData.Charger("CP1"), CancellationToken.None);

        await Store.SaveConnectorAsync("ghost", new Connector(1, ConnectorStatus.Available, null, TestData.T0), CancellationToken.None);
        await Store.SaveConnectorAsync("CP1", new Connector(1, ConnectorStatus.Available, null, TestData.T0), CancellationToken.None);
        await Store.FlushAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Single((await NewStore().GetAsync("CP1", CancellationToken.None))!.Connectors);
        Assert.Null(await NewStore().GetAsync("ghost", CancellationToken.None));
    }

    [Fact]
    public async Task SaveLastSeenAsync_LaterThenEarlier_KeepsTheLater()
    {
        await Store.AddAsync(TestData.Charger("CP1"), CancellationToken.None);

        await Store.SaveLastSeenAsync("CP1", TestData.T0.AddMinutes(5), CancellationToken.None);
        Assert.Equal(TestData.T0.AddMinutes(5), (await Store.GetAsync("CP1", CancellationToken.None))!.LastSeen);
        await Store.FlushAsync(CancellationToken.None).WaitAsync(Patience);
        await Store.SaveLastSeenAsync("CP1", TestData.T0, CancellationToken.None);
        await Store.FlushAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(TestData.T0.AddMinutes(5), (await NewStore().GetAsync("CP1", CancellationToken.None))!.LastSeen);
    }

    [Fact]
    public async Task UpdateAsync_OlderLastSeenThanStored_KeepsTheStoredOne()
    {
        await Store.AddAsync(TestData.Charger("CP1"), CancellationToken.None);
        var stale = (await Store.GetAsync("CP1", CancellationToken.None))!;
        await Store.SaveLastSeenAsync("CP1", TestData.T0.AddMinutes(5), CancellationToken.None);
        await Store.FlushAsync(CancellationToken.None).WaitAsync(Patience);

        stale.LastSeen = TestData.T0;
        stale.DisplayName = "Driveway";
        await Store.UpdateAsync(stale, CancellationToken.None);

        var loaded = (await NewStore().GetAsync("CP1", CancellationToken.None))!;
        Assert.Equal(("Driveway", TestData.T0.AddMinutes(5)), (loaded.DisplayName, loaded.LastSeen));
    }

    [Fact]
    public async Task DisposeAsync_StatesStillPending_WritesThem()
    {
        var store = NewStore();
        await store.AddAsync(TestData.Charger("CP1"), CancellationToken.None);
        await store.SaveConnectorAsync("CP1", new Connector(3, ConnectorStatus.Unavailable, "cCCS1", TestData.T0), CancellationToken.None);
        await store.SaveLastSeenAsync("CP1", TestData.T0, CancellationToken.None);

        await store.DisposeAsync().AsTask().WaitAsync(Patience);

        var loaded = (await NewStore().GetAsync("CP1", CancellationToken.None))!;
        Assert.Equal([new Connector(3, ConnectorStatus.Unavailable, "cCCS1", TestData.T0)], loaded.Connectors);
        Assert.Equal(TestData.T0, loaded.LastSeen);
    }

    [Fact]
    public async Task ListAsync_SeveralChargers_ReturnsEachWithItsConnectorsInOrder()
    {
        await Store.AddAsync(TestData.Charger("B", 3, 1, 2), CancellationToken.None);
        await Store.AddAsync(TestData.Charger("A", 1), CancellationToken.None);
        await Store.AddAsync(TestData.Charger("C"), CancellationToken.None);

        var chargers = await Store.ListAsync(CancellationToken.None);

        Assert.Equal(["A", "B", "C"], chargers.Select(c => c.Id));
        Assert.Equal([1], chargers[0].Connectors.Select(c => c.ConnectorId));
        Assert.Equal([1, 2, 3], chargers[1].Connectors.Select(c => c.ConnectorId));
        Assert.Empty(chargers[2].Connectors);
    }

    private static void AssertSameCharger(Charger expected, Charger actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.DisplayName, actual.DisplayName);
        Assert.Equal(expected.Protocol, actual.Protocol);
        Assert.Equal(expected.Registration, actual.Registration);
        Assert.Equal(expected.PasswordHash, actual.PasswordHash);
        Assert.Equal(expected.Vendor, actual.Vendor);
        Assert.Equal(expected.Model, actual.Model);
        Assert.Equal(expected.SerialNumber, actual.SerialNumber);
        Assert.Equal(expected.FirmwareVersion, actual.FirmwareVersion);
        Assert.Equal(expected.LastSeen, actual.LastSeen);
        Assert.Equal(expected.LastSeen?.UtcTicks, actual.LastSeen?.UtcTicks);
        Assert.Equal(expected.Reservations, actual.Reservations);
        Assert.Equal(expected.AnyConnectorReservations, actual.AnyConnectorReservations);
        Assert.Equal(expected.CreatedAt.UtcTicks, actual.CreatedAt.UtcTicks);
    }

    private SqliteChargerStore NewStore() => new(Database, NullLogger<SqliteChargerStore>.Instance);
}
