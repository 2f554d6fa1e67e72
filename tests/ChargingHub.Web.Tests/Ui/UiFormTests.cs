using System.Net;
using System.Net.Http.Headers;
using ChargingHub.Infrastructure.Accounts;
using ChargingHub.Web.Security;
using ChargingHub.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChargingHub.Web.Tests.Ui;

/// <summary>The pages' forms posted over plain HTTP, as a phone without scripts posts them, against the in-memory hub.</summary>
public sealed class UiFormTests : IDisposable
{
    private readonly HubTestHost _hub = new();

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task Reserve_AsAdminWithoutKnownTokens_ReservesTheTypedIdTagAndShowsItInHistoryAfterCancel()
    {
        await using var charger = await _hub.StartChargerAsync("CP-FORM");
        var admin = await SignedInAsync("admin", HubTestHost.AdminPassword);
        var form = await UiHttp.GetPageAsync(admin, "/reserve?charger=CP-FORM&connector=1");
        Assert.Equal("input", form.Labelled("Token").LocalName);

        var reserved = await UiHttp.ReadPageAsync(await UiHttp.PostFormAsync(admin, "/reserve?charger=CP-FORM&connector=1", "reserve", new()
        {
            ["Form.Charger"] = "CP-FORM",
            ["Form.Connector"] = "1",
            ["Form.Token"] = "GUEST-42",
            ["Form.Duration"] = "60",
            ["Form.EndTime"] = "",
            ["Form.TimeZoneOffset"] = "",
        }));

        Assert.StartsWith("Reserved until", reserved.QuerySelector("[role=status]")!.Text(), StringComparison.Ordinal);
        var reserveNow = await charger.Received.WaitForAsync("ReserveNow");
        Assert.Equal("GUEST-42", reserveNow.Payload.GetProperty("idTag").GetString());

        var board = await UiHttp.GetPageAsync(admin, "/");
        var cancel = board.Item("Connector 1").Buttons("Cancel").Single().Closest("form")!;
        var fields = cancel.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        var canceled = await admin.PostAsync(new Uri("/reservations/cancel", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, canceled.StatusCode);
        Assert.Equal("/?notice=canceled", canceled.Headers.Location!.OriginalString);
        await charger.Received.WaitForAsync("CancelReservation");

        var history = await UiHttp.GetPageAsync(admin, "/reservations");
        Assert.Contains("Canceled", history.Body!.Text(), StringComparison.Ordinal);
        Assert.Contains("For GUEST-42", history.Body!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_CreateApiKey_IsShownOnceAndWorksUntilRevoked()
    {
        var admin = await SignedInAsync("admin", HubTestHost.AdminPassword);

        var created = await UiHttp.ReadPageAsync(await UiHttp.PostFormAsync(admin, "/admin/settings", "create-key", new() { ["Create.Name"] = "Home Assistant" }));
        var key = created.QuerySelector("[data-secret]")!.Text();
        Assert.StartsWith("chk_", key, StringComparison.Ordinal);
        Assert.True((await ApiAsync(key)).StatusCode == HttpStatusCode.OK, $"The new key {key} is refused.");
        var settings = await UiHttp.GetPageAsync(admin, "/admin/settings");
        Assert.Null(settings.QuerySelector("[data-secret]"));
        Assert.DoesNotContain(key, settings.Body!.OuterHtml, StringComparison.Ordinal);

        var handler = settings.QuerySelectorAll("input[name=_handler]").Select(i => i.GetAttribute("value")!).Single(v => v.StartsWith("revoke-", StringComparison.Ordinal));
        var revoked = await UiHttp.ReadPageAsync(await UiHttp.PostFormAsync(admin, "/admin/settings", handler, []));
        Assert.Contains("revoked", revoked.QuerySelector("[role=status]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiAsync(key)).StatusCode);
    }

    [Fact]
    public async Task Account_ChangePassword_KeepsThisSessionAndTheNewPasswordSignsIn()
    {
        await AddMemberAsync("erin", "old-password-1");
        var erin = await SignedInAsync("erin", "old-password-1");

        var wrong = await UiHttp.ReadPageAsync(await UiHttp.PostFormAsync(erin, "/account", "password", new()
        {
            ["Form.Current"] = "not-it", ["Form.New"] = "new-password-2", ["Form.Repeat"] = "new-password-2",
        }));
        Assert.Contains("That is not your current password.", wrong.Labelled("Current password").ParentElement!.Text(), StringComparison.Ordinal);

        var changed = await UiHttp.ReadPageAsync(await UiHttp.PostFormAsync(erin, "/account", "password", new()
        {
            ["Form.Current"] = "old-password-1", ["Form.New"] = "new-password-2", ["Form.Repeat"] = "new-password-2",
        }));
        Assert.Equal("Your password was changed.", changed.QuerySelector("[role=status]")!.Text());
        Assert.Equal(HttpStatusCode.OK, (await erin.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UiHttp.SignInAsync(Client(), "erin", "new-password-2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UiHttp.SignInAsync(Client(), "erin", "old-password-1")).StatusCode);
    }

    [Fact]
    public async Task Session_MemberDisabledMeanwhile_IsSentToSignIn()
    {
        var member = await AddMemberAsync("frank", "frank-password");
        var frank = await SignedInAsync("frank", "frank-password");
        Assert.Equal(HttpStatusCode.OK, (await frank.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        await _hub.Service<MemberStore>().UpdateAsync(member with { Disabled = true }, CancellationToken.None);

        var response = await frank.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var again = await UiHttp.ReadPageAsync(await UiHttp.SignInAsync(Client(), "frank", "frank-password"));
        Assert.Equal("This account is disabled. Ask the administrator.", again.QuerySelector("[role=alert]")!.Text());
    }

    [Fact]
    public async Task SignOut_WithToken_EndsTheSession()
    {
        var admin = await SignedInAsync("admin", HubTestHost.AdminPassword);
        var token = await UiHttp.FormTokenAsync(admin, "/");

        var response = await admin.PostAsync(new Uri("/logout", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal("/login", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AdminMembers_AddMemberWithShortPassword_ShowsMessageNextToPassword()
    {
        var admin = await SignedInAsync("admin", HubTestHost.AdminPassword);

        var page = await UiHttp.ReadPageAsync(await UiHttp.PostFormAsync(admin, "/admin/members", "add-member", new()
        {
            ["Add.UserName"] = "gina", ["Add.DisplayName"] = "Gina", ["Add.Password"] = "short", ["Add.Role"] = "Member",
        }));

        Assert.Contains("at least 8 characters", page.Labelled("Password").ParentElement!.Text(), StringComparison.Ordinal);
        Assert.Null(await _hub.Service<MemberStore>().GetByUserNameAsync("gina", CancellationToken.None));
    }

    private HttpClient Client() => _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> SignedInAsync(string userName, string password)
    {
        var client = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await UiHttp.SignInAsync(client, userName, password)).StatusCode);
        return client;
    }

    private async Task<Member> AddMemberAsync(string userName, string password)
    {
        var passwords = _hub.Service<MemberPasswords>();
        var member = new Member { UserName = userName, PasswordHash = "" };
        return await _hub.Service<MemberStore>().AddAsync(member with { PasswordHash = passwords.Hash(member, password) }, CancellationToken.None);
    }

    private async Task<HttpResponseMessage> ApiAsync(string key)
    {
        var client = _hub.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await client.GetAsync(new Uri("/api/chargers", UriKind.Relative));
    }
}
