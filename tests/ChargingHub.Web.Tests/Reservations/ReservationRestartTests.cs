using System.Net;
using ChargingHub.Infrastructure.Scheduling;
using ChargingHub.Ocpp;
using ChargingHub.Simulator;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Reservations;

/// <summary>Reservations survive a hard kill of the hub process: their state and expiry are rebuilt from the database at start.</summary>
public sealed class ReservationRestartTests
{
    private const string ChargerId = "CP-RESTART";

    [Fact]
    public async Task HubRestart_AfterKill_ExpiresOverdueFailsUnansweredAndKeepsTheRestScheduled()
    {
        var dataDirectory = TempDirectory.Create();
        try
        {
            // First life: one reservation that expires while the hub is down, one for much later, and one the
            // charger has not answered yet when the hub dies.
            int overdue, later, unanswered;
            DateTimeOffset overdueExpiry, laterExpiry;
            await using (var first = await HubProcess.StartAsync(dataDirectory: dataDirectory))
            {
                await using var charger = await ConnectChargerAsync(first);
                using var api = new ReservationApiClient(first.CreateApiClient());
                overdueExpiry = DateTimeOffset.UtcNow.AddSeconds(4);
                laterExpiry = DateTimeOffset.UtcNow.AddMinutes(10);
                overdue = await ReserveAsync(api, 1, overdueExpiry, "TAG-OVERDUE");
                later = await ReserveAsync(api, 2, laterExpiry, "TAG-LATER");
                Assert.Equal("Active", await api.StatusOfAsync(ChargerId, overdue));
                await charger.Received.WaitForAsync("ReserveNow");
                await charger.Received.WaitForAsync("ReserveNow");

                var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                charger.HoldReserveNowUntil = hold.Task;
                var request = Task.Run(() => api.ReserveAsync(new { chargerId = ChargerId, connectorId = 3, expiryDate = ReservationApiClient.InMinutes(10), idTag = "TAG-UNANSWERED" }));
                unanswered = (await charger.Received.WaitForAsync("ReserveNow")).Payload.GetProperty("id").GetInt32();
                Assert.Equal("Pending", await api.StatusOfAsync(ChargerId, unanswered));

                await first.KillAsync();
                hold.SetResult();
                await Assert.ThrowsAnyAsync<HttpRequestException>(() => request);
            }

            var wait = overdueExpiry.AddMilliseconds(300) - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            // Second life, no charger connected: right after start the overdue one is Expired, the unanswered one
            // Failed, and the later one still Active.
            await using (var second = await HubProcess.StartAsync(dataDirectory: dataDirectory))
            {
                using var api = new ReservationApiClient(second.CreateApiClient());
                var expired = await api.GetReservationAsync(ChargerId, overdue);
                Assert.Equal("Expired", expired.GetProperty("status").GetString());
                Assert.Equal("Failed", await api.StatusOfAsync(ChargerId, unanswered));
                Assert.Equal("Active", await api.StatusOfAsync(ChargerId, later));
                Assert.Equal(laterExpiry, (await api.GetReservationAsync(ChargerId, later)).GetProperty("expiryDate").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
                await second.KillAsync();
            }

            // Third life, in memory on the same files: the later one is still Active and its expiry is scheduled again
            // for its own time (waiting ten minutes to watch it fire is not worth it).
            using var third = new HubTestHost(dataDirectory: dataDirectory);
            using var thirdApi = new ReservationApiClient(third.CreateApiClient());
            Assert.Equal("Active", await thirdApi.StatusOfAsync(ChargerId, later));
            var scheduled = await third.Service<QuartzReservationExpiryScheduler>().GetScheduledExpiryAsync(ChargerId, later, CancellationToken.None);
            Assert.NotNull(scheduled);
            Assert.Equal(laterExpiry, scheduled.Value, TimeSpan.FromMilliseconds(1));
            Assert.Null(await third.Service<QuartzReservationExpiryScheduler>().GetScheduledExpiryAsync(ChargerId, overdue, CancellationToken.None));
        }
        finally
        {
            TempDirectory.TryDelete(dataDirectory);
        }
    }

    private static async Task<SimulatedCharger> ConnectChargerAsync(HubProcess hub)
    {
        var charger = new SimulatedCharger(new SimulatorOptions { ChargerId = ChargerId, Version = OcppVersion.V201, Connectors = 3 });
        await charger.ConnectAsync(hub.OcppUrl);
        Assert.Equal("Accepted", await charger.BootAndReportAsync());
        await charger.Received.WaitForAsync("TriggerMessage");
        return charger;
    }

    private static async Task<int> ReserveAsync(ReservationApiClient api, int connectorId, DateTimeOffset expiry, string idTag)
    {
        var answer = await api.ReserveAsync(new { chargerId = ChargerId, connectorId, expiryDate = ReservationApiClient.Iso(expiry), idTag });
        answer.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Accepted", answer.Data.GetProperty("status").GetString());
        return answer.Data.GetProperty("reservation").GetProperty("reservationId").GetInt32();
    }
}
