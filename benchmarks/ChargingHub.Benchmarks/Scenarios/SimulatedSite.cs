using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ChargingHub.Ocpp;
using ChargingHub.Simulator;

namespace ChargingHub.Benchmarks.Scenarios;

/// <summary>Simulated chargers (the project's own simulator) connected to a hub, for the reservation benchmarks.</summary>
internal sealed class SimulatedSite : IAsyncDisposable
{
    private SimulatedSite(List<SimulatedCharger> chargers) => Chargers = chargers;

    public IReadOnlyList<SimulatedCharger> Chargers { get; }

    /// <summary>Connects and boots the chargers, then waits until the hub has learned their reservation support.</summary>
    public static async Task<SimulatedSite> ConnectAsync(HubProcess hub, int count, int connectors, Func<int, OcppVersion> versionOf, string prefix, CancellationToken ct)
    {
        var chargers = Enumerable.Range(0, count).Select(i => new SimulatedCharger(new SimulatorOptions
        {
            ChargerId = $"{prefix}-{i:00}",
            Version = versionOf(i),
            Connectors = connectors,
        })).ToList();
        var site = new SimulatedSite(chargers);
        try
        {
            var ocpp = new Uri($"ws://127.0.0.1:{hub.Port}/ocpp");
            await Task.WhenAll(chargers.Select(async charger =>
            {
                await charger.ConnectAsync(ocpp, ct);
                if (await charger.BootAndReportAsync() != "Accepted")
                {
                    throw new BenchmarkException($"{charger.ChargerId} was not accepted.");
                }

                // The hub asks about reservation support first, then triggers the statuses.
                await charger.Received.WaitForAsync("TriggerMessage", TimeSpan.FromSeconds(60));
            }));
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
            return site;
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var charger in Chargers)
        {
            await charger.DisposeAsync();
        }
    }
}

/// <summary>The REST calls the reservation benchmarks make.</summary>
internal static class ReservationCalls
{
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>POST /api/reservations; the charger's answer and the reservation id, or the HTTP failure.</summary>
    public static async Task<(bool Ok, string Status, int ReservationId, string? Problem)> ReserveAsync(
        HttpClient http, string chargerId, int connectorId, string idTag, DateTimeOffset expiry, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("api/reservations",
            new { chargerId, connectorId, idTag, expiryDate = Iso(expiry) }, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            return (false, "", 0, $"{(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        var data = document.RootElement.GetProperty("data");
        return (true, data.GetProperty("status").GetString()!, data.GetProperty("reservation").GetProperty("reservationId").GetInt32(), null);
    }

    public static async Task<(bool Ok, string? Problem)> CancelAsync(HttpClient http, string chargerId, int reservationId, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync($"api/reservations/{reservationId}/cancel", new { chargerId }, ct);
        if (response.IsSuccessStatusCode)
        {
            return (true, null);
        }

        return (false, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }
}
