using System.Net;
using ChargingHub.Ocpp;

namespace ChargingHub.Web.Tests.Reservations;

/// <summary>What POST /api/reservations refuses, and in which order (contract: 400, then 404, then 503).</summary>
public sealed class ReserveValidationTests(ReservationHubFixture hub) : IClassFixture<ReservationHubFixture>
{
    private ReservationApiClient Api => hub.Api;

    [Fact]
    public async Task Reserve_IdTagOf21CharsOn16_Answers400NamingIdTag()
    {
        await using var charger = await hub.StartChargerAsync("len16", OcppVersion.V16);

        var answer = await Api.ReserveAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = new string('A', 21) });

        answer.AssertProblem(HttpStatusCode.BadRequest, "idTag");
        Assert.Empty(await Api.ListAsync($"chargerId={charger.ChargerId}"));
        Assert.Equal(0, charger.Received.Count("ReserveNow"));
    }

    [Fact]
    public async Task Reserve_IdTagOf36CharsOn201_IsAcceptedBut37Answers400()
    {
        await using var charger = await hub.StartChargerAsync("len201", OcppVersion.V201);
        var tag36 = new string('B', 36);

        var reservation = await Api.ReserveAcceptedAsync(new { chargerId = charger.ChargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = tag36 });
        var tooLong = await Api.ReserveAsync(new { chargerId = charger.ChargerId, connectorId = 2, expiryDate = ReservationApiClient.InMinutes(30), idTag = tag36 + "B" });

        Assert.Equal(tag36, reservation.GetProperty("idTag").GetString());
        Assert.Equal(tag36, (await charger.Received.WaitForAsync("ReserveNow")).IdTagOf(OcppVersion.V201));
        tooLong.AssertProblem(HttpStatusCode.BadRequest, "idTag");
        Assert.Equal(1, charger.Received.Count("ReserveNow"));
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        // name of the case, JSON body with {charger} for the charger id; the field the problem must name is the case name's prefix
        { "expiryDate:no offset", """{ "chargerId": "{charger}", "connectorId": 1, "idTag": "T", "expiryDate": "{local}" }""" },
        { "expiryDate:in the past", """{ "chargerId": "{charger}", "connectorId": 1, "idTag": "T", "expiryDate": "{past}" }""" },
        { "expiryDate:beyond MaxDuration", """{ "chargerId": "{charger}", "connectorId": 1, "idTag": "T", "expiryDate": "{tooLate}" }""" },
        { "expiryDate:missing", """{ "chargerId": "{charger}", "connectorId": 1, "idTag": "T" }""" },
        { "idTag:missing", """{ "chargerId": "{charger}", "connectorId": 1, "expiryDate": "{future}" }""" },
        { "connectorId:unknown connector", """{ "chargerId": "{charger}", "connectorId": 3, "idTag": "T", "expiryDate": "{future}" }""" },
        { "connectorId:negative", """{ "chargerId": "{charger}", "connectorId": -1, "idTag": "T", "expiryDate": "{future}" }""" },
        { "connectorType:with connectorId", """{ "chargerId": "{charger}", "connectorId": 1, "connectorType": "cType2", "idTag": "T", "expiryDate": "{future}" }""" },
        { "connectorType:unknown type", """{ "chargerId": "{charger}", "connectorType": "cNothing", "idTag": "T", "expiryDate": "{future}" }""" },
        { "connectorId:wrong JSON type", """{ "chargerId": "{charger}", "connectorId": "one", "idTag": "T", "expiryDate": "{future}" }""" },
        { "chargerId:missing", """{ "connectorId": 1, "idTag": "T", "expiryDate": "{future}" }""" },
        { "reservationId:negative", """{ "chargerId": "{charger}", "connectorId": 1, "idTag": "T", "expiryDate": "{future}", "reservationId": -2 }""" },
        { "idTokenType:unknown type", """{ "chargerId": "{charger}", "connectorId": 1, "idTag": "T", "expiryDate": "{future}", "idTokenType": "Barcode" }""" },
        { "parentIdTag:too long", """{ "chargerId": "{charger}", "connectorId": 1, "idTag": "T", "expiryDate": "{future}", "parentIdTag": "GGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGG" }""" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Reserve_InvalidBody_Answers400NamingTheField(string @case, string template)
    {
        await using var charger = await hub.StartChargerAsync("invalid", OcppVersion.V201);
        var now = DateTimeOffset.UtcNow;
        var json = template
            .Replace("{charger}", charger.ChargerId, StringComparison.Ordinal)
            .Replace("{local}", now.AddMinutes(30).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{past}", ReservationApiClient.Iso(now.AddMinutes(-1)), StringComparison.Ordinal)
            .Replace("{tooLate}", ReservationApiClient.Iso(now + ReservationHubFixture.MaxDuration + TimeSpan.FromMinutes(5)), StringComparison.Ordinal)
            .Replace("{future}", ReservationApiClient.Iso(now.AddMinutes(30)), StringComparison.Ordinal);

        var answer = await Api.PostRawAsync("/api/reservations", json);

        answer.AssertProblem(HttpStatusCode.BadRequest, @case.Split(':')[0]);
        Assert.Empty(await Api.ListAsync($"chargerId={charger.ChargerId}"));
        Assert.Equal(0, charger.Received.Count("ReserveNow"));
    }

    [Fact]
    public async Task Reserve_ConnectorTypeOn16_Answers400NamingConnectorType()
    {
        await using var charger = await hub.StartChargerAsync("type16", OcppVersion.V16);

        var answer = await Api.ReserveAsync(new { chargerId = charger.ChargerId, connectorType = "cType2", expiryDate = ReservationApiClient.InMinutes(30), idTag = "T" });

        answer.AssertProblem(HttpStatusCode.BadRequest, "connectorType");
        Assert.Equal(0, charger.Received.Count("ReserveNow"));
    }

    [Fact]
    public async Task Reserve_UnknownCharger_Answers404()
    {
        var answer = await Api.ReserveAsync(new { chargerId = "NO-SUCH-CHARGER", connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "T" });

        answer.AssertProblem(HttpStatusCode.NotFound);
        Assert.Empty(await Api.ListAsync("chargerId=NO-SUCH-CHARGER"));
    }

    [Fact]
    public async Task Reserve_UnknownChargerAndInvalidExpiry_400ComesBefore404()
    {
        var answer = await Api.ReserveAsync(new { chargerId = "NO-SUCH-CHARGER", connectorId = 1, expiryDate = ReservationApiClient.InMinutes(-5), idTag = "T" });

        answer.AssertProblem(HttpStatusCode.BadRequest, "expiryDate");
    }

    [Fact]
    public async Task Reserve_UnknownChargerAndLongIdTag_404ComesBeforeProtocolCheck()
    {
        var answer = await Api.ReserveAsync(new { chargerId = "NO-SUCH-CHARGER", connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = new string('C', 30) });

        answer.AssertProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Reserve_KnownChargerNotConnected_Answers503AndStoresNothing(OcppVersion version)
    {
        var charger = await hub.StartChargerAsync("offline", version);
        var chargerId = charger.ChargerId;
        await charger.DisposeAsync();
        await Api.WaitUntilOfflineAsync(chargerId);

        var answer = await Api.ReserveAsync(new { chargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = "T-OFF" });
        var tooLongTag = await Api.ReserveAsync(new { chargerId, connectorId = 1, expiryDate = ReservationApiClient.InMinutes(30), idTag = new string('D', 37) });
        var unknownConnector = await Api.ReserveAsync(new { chargerId, connectorId = 7, expiryDate = ReservationApiClient.InMinutes(30), idTag = "T-OFF" });

        answer.AssertProblem(HttpStatusCode.ServiceUnavailable);
        tooLongTag.AssertProblem(HttpStatusCode.BadRequest, "idTag");
        unknownConnector.AssertProblem(HttpStatusCode.BadRequest, "connectorId");
        Assert.Empty(await Api.ListAsync($"chargerId={chargerId}"));
    }

    [Fact]
    public async Task Reserve_NoBearerToken_Answers401BeforeValidation()
    {
        using var anonymous = hub.Host.CreateClient();

        using var response = await anonymous.PostAsync(new Uri("/api/reservations", UriKind.Relative),
            new StringContent("""{ "connectorId": "bad" }""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }
}

public sealed class ReserveValidationProductionTests
{
    [Fact]
    public async Task Reserve_WrongJsonTypeInProduction_Answers400ProblemNamingTheField()
    {
        using var host = new ChargingHub.Web.Tests.Support.HubTestHost(new Dictionary<string, string?> { ["environment"] = "Production" });
        using var api = new ReservationApiClient(host.CreateApiClient());

        var answer = await api.PostRawAsync("/api/reservations",
            $$"""{ "chargerId": "CP-X", "connectorId": "one", "idTag": "T", "expiryDate": "{{ReservationApiClient.InMinutes(30)}}" }""");

        answer.AssertProblem(HttpStatusCode.BadRequest, "connectorId");
    }
}
