using System.Net;
using ChargingHub.Ocpp;
using ChargingHub.Simulator;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Reservations;

/// <summary>Reservations survive a hard kill of the hub process: expiry is rebuilt from the database at start.</summary>
public sealed class ReservationRestartTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private readonly System.Diagnostics.Stopwatch _sw = System.Diagnostics.Stopwatch.StartNew();
    private void T(string what) => output.WriteLine($"TIMING {_sw.ElapsedMilliseconds} {what}");

    private const string ChargerId = "CP-RESTART";

    [Fact]
    public async Task HubRestart_AfterKill_ExpiresOverdueAndKeepsAndReschedulesTheRest()
    {
        var dataDirectory = TempDirectory.Create();
        try
        {
            // First life: one reservation that expires while the hub is down, one that expires soon after the
            // restart (it must have been scheduled again), and one for much later.
            int overdue, brief, later, pending;
            DateTimeOffset overdueExpiry, briefExpiry;
            await using (var first = await HubProcess.StartAsync(dataDirectory: dataDirectory))
            {
                T("first started");
                await using var charger = await ConnectChargerAsync(first);
                T("charger");
                using var api = new ReservationApiClient(first.CreateApiClient());
                overdueExpiry = DateTimeOffset.UtcNow.AddSeconds(5);
                briefExpiry = DateTimeOffset.UtcNow.AddSeconds(13);
                overdue = await ReserveAsync(api, 1, overdueExpiry, "TAG-OVERDUE");
                brief = await ReserveAsync(api, 2, briefExpiry, "TAG-BRIEF");
                later = await ReserveAsync(api, 3, DateTimeOffset.UtcNow.AddMinutes(10), "TAG-LATER");
                Assert.Equal("Active", await api.StatusOfAsync(ChargerId, overdue));

                // And one the charger has not answered yet when the hub dies.
                for (var answered = 0; answered < 3; answered++)
                {
                    await charger.Received.WaitForAsync("ReserveNow");
                }

                charger.HoldReserveNowUntil = new TaskCompletionSource().Task;
                var unanswered = Task.Run(() => api.ReserveAsync(new { chargerId = ChargerId, connectorId = 4, expiryDate = ReservationApiClient.InMinutes(10), idTag = "TAG-PENDING" }));
                pending = (await charger.Received.WaitForAsync("ReserveNow", TimeSpan.FromSeconds(10))).Payload.GetProperty("id").GetInt32();
                Assert.Equal("Pending", await api.StatusOfAsync(ChargerId, pending));
                T("before kill");
                await first.KillAsync();
                T("killed");
                await Assert.ThrowsAnyAsync<HttpRequestException>(() => unanswered);
                T("unanswered done");
            }
            T("first disposed");

            await DelayUntilAsync(overdueExpiry.AddMilliseconds(300));

            // Second life, no charger connected: the overdue one is Expired at once, the others are still Active.
            await using var second = await HubProcess.StartAsync(dataDirectory: dataDirectory);
            T("second started");
            using var secondApi = new ReservationApiClient(second.CreateApiClient());
            Assert.Equal("Expired", await secondApi.StatusOfAsync(ChargerId, overdue));
            Assert.Equal("Failed", await secondApi.StatusOfAsync(ChargerId, pending));
            Assert.Equal("Active", await secondApi.StatusOfAsync(ChargerId, later));
            Assert.True(DateTimeOffset.UtcNow < briefExpiry, "The hub took too long to restart for this test to mean anything.");
            Assert.Equal("Active", await secondApi.StatusOfAsync(ChargerId, brief));

            // …and the brief one expires on the restarted hub's clock.
            await secondApi.WaitForStatusAsync(ChargerId, brief, "Expired", briefExpiry - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(3));
            Assert.True(DateTimeOffset.UtcNow < briefExpiry.AddSeconds(1.5), $"Expired only {DateTimeOffset.UtcNow - briefExpiry} after its expiry.");
            Assert.Equal("Active", await secondApi.StatusOfAsync(ChargerId, later));
        }
        finally
        {
            TempDirectory.TryDelete(dataDirectory);
        }
    }

    private async Task<SimulatedCharger> ConnectChargerAsync(HubProcess hub)
    {
        var charger = new SimulatedCharger(new SimulatorOptions { ChargerId = ChargerId, Version = OcppVersion.V201, Connectors = 4 });
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

    private static async Task DelayUntilAsync(DateTimeOffset at)
    {
        var wait = at - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }
}
