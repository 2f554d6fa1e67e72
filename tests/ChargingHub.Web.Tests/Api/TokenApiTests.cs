using System.Net;
using System.Text;
using System.Text.Json;
using ChargingHub.Ocpp;
using ChargingHub.Web.Tests.Ocpp;
using ChargingHub.Web.Tests.Support;

namespace ChargingHub.Web.Tests.Api;

public sealed class TokenApiTests(AcceptingHubFixture fixture) : IClassFixture<AcceptingHubFixture>
{
    private HubTestHost Hub => fixture.Hub;

    [Fact]
    public async Task Tokens_AddListDelete_RoundTripInDataEnvelopes()
    {
        var api = Hub.CreateApiClient();
        var idTag = NewTag();

        var added = await api.PostJsonAsync("/api/tokens", new { idTag, parentIdTag = "FAMILY", name = "Anna" });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var token = (await added.JsonAsync()).GetProperty("data");
        Assert.Equal(idTag, token.GetProperty("idTag").GetString());
        Assert.Equal("FAMILY", token.GetProperty("parentIdTag").GetString());
        Assert.Equal("Anna", token.GetProperty("name").GetString());
        Assert.False(token.GetProperty("blocked").GetBoolean());
        var listed = Assert.Single((await api.GetJsonAsync("/api/tokens")).GetProperty("data").EnumerateArray(), t => t.GetProperty("idTag").GetString() == idTag);
        Assert.Equal("FAMILY", listed.GetProperty("parentIdTag").GetString());

        var deleted = await api.DeleteAsync(new Uri($"/api/tokens/{idTag}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(idTag, (await deleted.JsonAsync()).GetProperty("data").GetProperty("idTag").GetString());
        Assert.DoesNotContain((await api.GetJsonAsync("/api/tokens")).GetProperty("data").EnumerateArray(), t => t.GetProperty("idTag").GetString() == idTag);
        await (await api.DeleteAsync(new Uri($"/api/tokens/{idTag}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Post_ExistingToken_ReplacesIt()
    {
        var api = Hub.CreateApiClient();
        var idTag = NewTag();
        Assert.Equal(HttpStatusCode.OK, (await api.PostJsonAsync("/api/tokens", new { idTag, name = "Old" })).StatusCode);

        var replaced = await api.PostJsonAsync("/api/tokens", new { idTag, name = "New", blocked = true });

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var token = Assert.Single((await api.GetJsonAsync("/api/tokens")).GetProperty("data").EnumerateArray(), t => t.GetProperty("idTag").GetString() == idTag);
        Assert.Equal("New", token.GetProperty("name").GetString());
        Assert.True(token.GetProperty("blocked").GetBoolean());
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"idTag\":\"\"}")]
    [InlineData("{\"idTag\":\"0123456789012345678901234567890123456\"}")]
    [InlineData("{\"idTag\":\"OK\",\"parentIdTag\":\"\"}")]
    [InlineData("{\"idTag\":\"OK\",\"blocked\":\"no\"}")]
    [InlineData("not json")]
    public async Task Post_InvalidToken_Is400Problem(string body)
    {
        var response = await Hub.CreateApiClient().PostAsync(new Uri("/api/tokens", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Authorize_KnownTokenWithParent_IsAcceptedWithTheParent(OcppVersion version)
    {
        var idTag = NewTag();
        Assert.Equal(HttpStatusCode.OK, (await Hub.CreateApiClient().PostJsonAsync("/api/tokens", new { idTag, parentIdTag = "GROUP-1" })).StatusCode);
        await using var client = await BootedClientAsync(version);

        var (status, parent, parentType) = await AuthorizeAsync(client, version, idTag);

        Assert.Equal("Accepted", status);
        Assert.Equal("GROUP-1", parent);
        if (version == OcppVersion.V201)
        {
            Assert.Equal("Central", parentType);
        }
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Authorize_BlockedToken_IsBlocked(OcppVersion version)
    {
        var idTag = NewTag();
        Assert.Equal(HttpStatusCode.OK, (await Hub.CreateApiClient().PostJsonAsync("/api/tokens", new { idTag, blocked = true })).StatusCode);
        await using var client = await BootedClientAsync(version);

        var (status, _, _) = await AuthorizeAsync(client, version, idTag);

        Assert.Equal("Blocked", status);
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Authorize_UnknownTokenUnderDefaultReject_IsInvalid(OcppVersion version)
    {
        await using var client = await BootedClientAsync(version);

        var (status, parent, _) = await AuthorizeAsync(client, version, NewTag());

        Assert.Equal("Invalid", status);
        Assert.Null(parent);
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Authorize_DeletedToken_IsNoLongerAccepted(OcppVersion version)
    {
        var api = Hub.CreateApiClient();
        var idTag = NewTag();
        Assert.Equal(HttpStatusCode.OK, (await api.PostJsonAsync("/api/tokens", new { idTag })).StatusCode);
        await using var client = await BootedClientAsync(version);
        Assert.Equal("Accepted", (await AuthorizeAsync(client, version, idTag)).Status);

        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync(new Uri($"/api/tokens/{idTag}", UriKind.Relative))).StatusCode);

        Assert.Equal("Invalid", (await AuthorizeAsync(client, version, idTag)).Status);
    }

    internal static string NewTag() => "T" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    internal static async Task<(string Status, string? Parent, string? ParentType)> AuthorizeAsync(RawOcppClient client, OcppVersion version, string idTag)
    {
        if (version == OcppVersion.V16)
        {
            var info = (await client.CallResultAsync("Authorize", new { idTag })).GetProperty("idTagInfo");
            return (info.GetProperty("status").GetString()!, info.TryGetProperty("parentIdTag", out var p) ? p.GetString() : null, null);
        }

        var tokenInfo = (await client.CallResultAsync("Authorize", new { idToken = new { idToken = idTag, type = "ISO14443" } })).GetProperty("idTokenInfo");
        return tokenInfo.TryGetProperty("groupIdToken", out var group)
            ? (tokenInfo.GetProperty("status").GetString()!, group.GetProperty("idToken").GetString(), group.GetProperty("type").GetString())
            : (tokenInfo.GetProperty("status").GetString()!, null, null);
    }

    private async Task<RawOcppClient> BootedClientAsync(OcppVersion version)
    {
        var client = await Hub.ConnectClientAsync(OcppTesting.NewChargerId("AUTH"), version);
        Assert.Equal("Accepted", await client.BootAsync());
        return client;
    }
}

public sealed class UnknownTokensAcceptTests(AcceptTokensHubFixture fixture) : IClassFixture<AcceptTokensHubFixture>
{
    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Authorize_UnknownTokenUnderAccept_IsAccepted(OcppVersion version)
    {
        await using var client = await fixture.Hub.ConnectClientAsync(OcppTesting.NewChargerId("AUTHA"), version);
        Assert.Equal("Accepted", await client.BootAsync());

        var (status, parent, _) = await TokenApiTests.AuthorizeAsync(client, version, TokenApiTests.NewTag());

        Assert.Equal("Accepted", status);
        Assert.Null(parent);
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public async Task Authorize_BlockedTokenUnderAccept_IsStillBlocked(OcppVersion version)
    {
        var idTag = TokenApiTests.NewTag();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Hub.CreateApiClient().PostJsonAsync("/api/tokens", new { idTag, blocked = true })).StatusCode);
        await using var client = await fixture.Hub.ConnectClientAsync(OcppTesting.NewChargerId("AUTHA"), version);
        Assert.Equal("Accepted", await client.BootAsync());

        Assert.Equal("Blocked", (await TokenApiTests.AuthorizeAsync(client, version, idTag)).Status);
    }
}
