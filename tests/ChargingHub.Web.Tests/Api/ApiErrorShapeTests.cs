using System.Net;
using System.Text;
using ChargingHub.Web.Tests.Ocpp;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Api;

/// <summary>Every error of the REST API is RFC 9457 problem+json with a readable detail, whichever layer produced it.</summary>
public sealed class ApiErrorShapeTests(AcceptingHubFixture fixture) : IClassFixture<AcceptingHubFixture>
{
    private HubTestHost Hub => fixture.Hub;

    [Theory]
    [InlineData("GET", "/api/no-such-call", null, null, HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/chargers/NO-SUCH-CHARGER/nothing", null, null, HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/tokens", "{\"idTag\":", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/reservations?limit=0", null, null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/reservations?status=Sleeping", null, null, HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/reservations/999999", null, null, HttpStatusCode.NotFound)]
    public async Task Call_ThatFails_AnswersProblemJsonWithDetail(string method, string path, string? body, string? contentType, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType!);
        }

        var response = await Hub.CreateApiClient().SendAsync(request);

        await response.AssertProblemAsync(expected);
    }

    /// <summary>The /api fallback (which keeps 401 ahead of 404 for unknown calls) answers these 404 rather than 405 / 415; either way a problem.</summary>
    [Theory]
    [InlineData("DELETE", "/api/chargers", null, null)]
    [InlineData("PUT", "/api/tokens", "{}", "application/json")]
    [InlineData("POST", "/api/chargers", "id=CP-1", "application/x-www-form-urlencoded")]
    public async Task Call_WithWrongMethodOrMediaType_AnswersProblemJsonWithDetail(string method, string path, string? body, string? contentType)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType!);
        }

        var response = await Hub.CreateApiClient().SendAsync(request);

        Assert.Contains((int)response.StatusCode, new[] { 404, 405, 415 });
        await response.AssertProblemAsync(response.StatusCode);
    }
}
