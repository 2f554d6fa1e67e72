using System.Net;
using ChargingHub.Ocpp;
using ChargingHub.Simulator;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Reservations;

/// <summary>Reservations survive a hard kill of the hub process: expiry is rebuilt from the database at start.</summary>
public sealed class ReservationRestartTests
{
    private const string ChargerId = "CP-RESTART";

    [Fact]
    public async Task HubRestart_AfterKill_ExpiresOverdueAndKeepsAndReschedulesTheRest()
    {
        var dataDirectory = TempDirectory.Create();
        try
        {
            // First life: one reservation about to expire, one for later.
            int soon, later;
            DateTimeOffset soonExpiry;
            await using (var first = await HubProcess.StartAsync(dataDirectory: dataDirectory))
            {
                await using var charger = await ConnectChargerAsync(first);
                using var api = new ReservationApiClient(first.CreateApiClient());
                soonExpiry = DateTimeOffset.UtcNow.AddSeconds(4);
                soon = await ReserveAsync(api, 1, soonExpiry, "TAG-SOON");
                later = await ReserveAsync(api, 2, DateTimeOffset.UtcNow.AddMinutes(10), "TAG-LATER");
                Assert.Equal("Active", await api.StatusOfAsync(ChargerId, soon));
                await first.KillAsync();
            }

            await DelayUntilAsync(soonExpiry.AddMilliseconds(300));

            // Second life: the overdue one is Expired at once, the other still Active; then a short one across another kill.
            int brief;
            DateTimeOffset briefExpiry;
            await using (var second = await HubProcess.StartAsync(dataDirectory: dataDirectory))
            {
                using var api = new ReservationApiClient(second.CreateApiClient());
                var expired = await api.GetReservationAsync(ChargerId, soon);
                Assert.Equal("Expired", expired.GetProperty("status").GetString());
                Assert.Equal("Active", await api.StatusOfAsync(ChargerId, later));

                await using var charger = await ConnectChargerAsync(second);
                briefExpiry = DateTimeOffset.UtcNow.AddSeconds(8);
                brief = await ReserveAsync(api, 1, briefExpiry, "TAG-BRIEF");
                await second.KillAsync();
            }

            // Third life: the short one must still be scheduled, and expire on the hub's clock with no charger connected.
            await using var third = await HubProcess.StartAsync(dataDirectory: dataDirectory);
            using var thirdApi = new ReservationApiClient(third.CreateApiClient());
            Assert.True(DateTimeOffset.UtcNow < briefExpiry, "The hub took too long to restart for this test to mean anything.");
            Assert.Equal("Active", await thirdApi.StatusOfAsync(ChargerId, brief));
            await thirdApi.WaitForStatusAsync(ChargerId, brief, "Expired", briefExpiry - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(3));
            Assert.True(DateTimeOffset.UtcNow < briefExpiry.AddSeconds(1.5), $"Expired only {DateTimeOffset.UtcNow - briefExpiry} after its expiry.");
            Assert.Equal("Active", await thirdApi.StatusOfAsync(ChargerId, later));
            Assert.Equal("Expired", await thirdApi.StatusOfAsync(ChargerId, soon));
        }
        finally
        {
            TempDirectory.TryDelete(dataDirectory);
        }
    }

    private static async Task<SimulatedCharger> ConnectChargerAsync(HubProcess hub)
    {
        var charger = new SimulatedCharger(new SimulatorOptions { ChargerId = ChargerId, Version = OcppVersion.V201 });
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
