using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChargingHub.Web.Tests.Ocpp;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Api;

public sealed class ApiAuthenticationTests(AcceptingHubFixture fixture) : IClassFixture<AcceptingHubFixture>
{
    private HubTestHost Hub => fixture.Hub;

    [Theory]
    [InlineData("GET", "/api/chargers", null)]
    [InlineData("GET", "/api/chargers/NO-SUCH-CHARGER", null)]
    [InlineData("POST", "/api/chargers", null)]
    [InlineData("PATCH", "/api/chargers/NO-SUCH-CHARGER", "not json")]
    [InlineData("GET", "/api/tokens", null)]
    [InlineData("DELETE", "/api/tokens/NO-SUCH-TAG", null)]
    [InlineData("GET", "/api/reservations", null)]
    [InlineData("POST", "/api/reservations", "{}")]
    [InlineData("GET", "/api/no-such-call", null)]
    [InlineData("GET", "/api/chargers", "Bearer wrong-key-0123456789abcdef")]
    [InlineData("GET", "/api/chargers", "Bearer ")]
    [InlineData("GET", "/api/chargers", "Basic YWRtaW46YWRtaW4=")]
    public async Task Call_WithoutValidApiKey_Is401WithBearerChallengeAndProblem(string method, string path, string? authorizationOrBody)
    {
        using var client = Hub.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (authorizationOrBody is not null && (authorizationOrBody.StartsWith("Bearer", StringComparison.Ordinal) || authorizationOrBody.StartsWith("Basic", StringComparison.Ordinal)))
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorizationOrBody);
        }
        else if (authorizationOrBody is not null)
        {
            request.Content = new StringContent(authorizationOrBody, Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Call_WithBootstrapApiKey_IsAnsweredWithDataEnvelope()
    {
        using var client = Hub.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HubTestHost.ApiKey);

        var body = await client.GetJsonAsync("/api/chargers");

        Assert.Equal(System.Text.Json.JsonValueKind.Array, body.GetProperty("data").ValueKind);
    }
}
