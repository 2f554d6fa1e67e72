using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChargingHub.Ocpp;
using ChargingHub.Simulator;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Reservations;

/// <summary>
/// One in-memory hub per test class. Unknown tokens are accepted so that transactions can start with any tag
/// (reservations are what refuses a token here), and MaxDuration is short enough to test its limit.
/// </summary>
public sealed class ReservationHubFixture : IDisposable
{
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(2);

    private int _chargers;

    public ReservationHubFixture()
    {
        Host = new HubTestHost(new Dictionary<string, string?>
        {
            ["Hub:Ocpp:UnknownTokens"] = "Accept",
            ["Hub:Reservations:MaxDuration"] = MaxDuration.ToString("c", CultureInfo.InvariantCulture),
        });
        Api = new ReservationApiClient(Host.CreateApiClient());
    }

    public HubTestHost Host { get; }

    public ReservationApiClient Api { get; }

    /// <summary>A charger id no other test of this hub uses, readable in failure messages.</summary>
    public string NewChargerId(string name, OcppVersion version) =>
        $"{name}-{(version == OcppVersion.V16 ? "16" : "201")}-{Interlocked.Increment(ref _chargers)}";

    public async Task<SimulatedCharger> StartChargerAsync(string name, OcppVersion version, int connectors = 2, bool supportsReservations = true) =>
        await Host.StartChargerAsync(NewChargerId(name, version), version, connectors, supportsReservations);

    public void Dispose()
    {
        Api.Dispose();
        Host.Dispose();
    }
}

/// <summary>The reservation calls of the REST API as tests use them: status code plus parsed body.</summary>
public sealed class ReservationApiClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string InMinutes(double minutes) => Iso(DateTimeOffset.UtcNow.AddMinutes(minutes));

    public Task<ApiAnswer> ReserveAsync(object body) => PostAsync("/api/reservations", body);

    /// <summary>Reserves and asserts that the charger accepted; returns the reservation.</summary>
    public async Task<JsonElement> ReserveAcceptedAsync(object body)
    {
        var answer = await ReserveAsync(body);
        answer.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Accepted", answer.Data.GetProperty("status").GetString());
        var reservation = answer.Data.GetProperty("reservation");
        Assert.Equal("Active", reservation.GetProperty("status").GetString());
        return reservation;
    }

    public Task<ApiAnswer> CancelAsync(int reservationId, string chargerId) =>
        PostAsync($"/api/reservations/{reservationId}/cancel", new { chargerId });

    public Task<ApiAnswer> PostAsync(string path, object body) =>
        SendAsync(() => Http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body));

    public Task<ApiAnswer> PostRawAsync(string path, string json) =>
        SendAsync(() => Http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json")));

    public Task<ApiAnswer> GetAsync(string path) => SendAsync(() => Http.GetAsync(new Uri(path, UriKind.Relative)));

    public async Task<IReadOnlyList<JsonElement>> ListAsync(string query)
    {
        var answer = await GetAsync($"/api/reservations?{query}");
        answer.AssertStatus(HttpStatusCode.OK);
        return [.. answer.Data.EnumerateArray()];
    }

    /// <summary>The reservation as GET /api/reservations/{id}?chargerId= shows it.</summary>
    public async Task<JsonElement> GetReservationAsync(string chargerId, int reservationId)
    {
        var answer = await GetAsync($"/api/reservations/{reservationId}?chargerId={Uri.EscapeDataString(chargerId)}");
        answer.AssertStatus(HttpStatusCode.OK);
        return answer.Data;
    }

    public async Task<string> StatusOfAsync(string chargerId, int reservationId) =>
        (await GetReservationAsync(chargerId, reservationId)).GetProperty("status").GetString()!;

    /// <summary>Polls until the reservation shows <paramref name="status"/>; returns it, or fails with the last status seen.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string chargerId, int reservationId, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var reservation = await GetReservationAsync(chargerId, reservationId);
            var current = reservation.GetProperty("status").GetString();
            if (current == status)
            {
                return reservation;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Reservation {reservationId} on {chargerId} is {current}, expected {status}: {reservation}");
            }

            await Task.Delay(50);
        }
    }

    public async Task<JsonElement> GetChargerAsync(string chargerId)
    {
        var answer = await GetAsync($"/api/chargers/{Uri.EscapeDataString(chargerId)}");
        answer.AssertStatus(HttpStatusCode.OK);
        return answer.Data;
    }

    /// <summary>The reservationId GET /api/chargers/{id} shows on a connector, or null.</summary>
    public async Task<int?> ConnectorReservationIdAsync(string chargerId, int connectorId)
    {
        var charger = await GetChargerAsync(chargerId);
        var connector = charger.GetProperty("connectors").EnumerateArray().Single(c => c.GetProperty("connectorId").GetInt32() == connectorId);
        return connector.TryGetProperty("reservationId", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt32() : null;
    }

    /// <summary>Waits until the hub has noticed that the charger's connection is gone.</summary>
    public async Task WaitUntilOfflineAsync(string chargerId)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5);
        while ((await GetChargerAsync(chargerId)).GetProperty("online").GetBoolean())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"The hub still shows {chargerId} online.");
            await Task.Delay(50);
        }
    }

    public void Dispose() => Http.Dispose();

    private static async Task<ApiAnswer> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        using var response = await send();
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text);
        return new ApiAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, text);
    }
}

/// <summary>An API answer: status, media type, and the body (parsed when it is JSON).</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string? MediaType, JsonElement Body, string Text)
{
    /// <summary>The <c>data</c> of a success body.</summary>
    public JsonElement Data => Body.GetProperty("data");

    public string? Detail => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("detail", out var d) ? d.GetString() : null;

    public void AssertStatus(HttpStatusCode expected) =>
        Assert.True(Status == expected, $"Expected {(int)expected} {expected}, got {(int)Status} {Status}: {Text}");

    /// <summary>Asserts an RFC 9457 problem with this status whose errors (or detail) name <paramref name="field"/>.</summary>
    public void AssertProblem(HttpStatusCode expected, string? field = null)
    {
        AssertStatus(expected);
        Assert.Equal("application/problem+json", MediaType);
        Assert.False(string.IsNullOrWhiteSpace(Detail), $"The problem has no detail: {Text}");
        if (field is not null)
        {
            var named = Body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                ? errors.TryGetProperty(field, out _)
                : Detail!.Contains(field, StringComparison.Ordinal);
            Assert.True(named, $"The problem does not name '{field}': {Text}");
        }
    }
}

public static class ReceivedCallExtensions
{
    /// <summary>The reservation id of a ReserveNow in either version (1.6 reservationId, 2.0.1 id).</summary>
    public static int ReservationIdOf(this ReceivedCall call, OcppVersion version) =>
        call.Payload.GetProperty(version == OcppVersion.V16 ? "reservationId" : "id").GetInt32();

    /// <summary>The idTag of a ReserveNow in either version (1.6 idTag, 2.0.1 idToken.idToken).</summary>
    public static string IdTagOf(this ReceivedCall call, OcppVersion version) =>
        version == OcppVersion.V16
            ? call.Payload.GetProperty("idTag").GetString()!
            : call.Payload.GetProperty("idToken").GetProperty("idToken").GetString()!;

    public static bool Has(this ReceivedCall call, string property) => call.Payload.TryGetProperty(property, out _);
}
