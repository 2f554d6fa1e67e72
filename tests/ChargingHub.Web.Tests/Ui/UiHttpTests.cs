using System.Net;
using ChargingHub.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChargingHub.Web.Tests.Ui;

/// <summary>The UI's HTTP behaviour in memory: sign-in redirects, the API left alone, the live stream, refused posts.</summary>
public sealed class UiHttpTests : IDisposable
{
    private readonly HubTestHost _hub = new();

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task GetBoard_WithoutSession_RedirectsToSignIn()
    {
        var client = Client();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?returnUrl=%2F", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task GetLogin_WithoutSession_HasLabelledFieldsAndSignInButton()
    {
        var page = await UiHttp.GetPageAsync(Client(), "/login");

        Assert.Equal("input", page.Labelled("User name").LocalName);
        Assert.Equal("password", page.Labelled("Password").GetAttribute("type"));
        Assert.Single(page.Buttons("Sign in"));
    }

    [Fact]
    public async Task SignIn_RightPassword_RedirectsToReturnUrlAndShowsBoard()
    {
        var client = Client();
        var token = await UiHttp.FormTokenAsync(client, "/login?returnUrl=%2Freservations");

        var response = await client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Form.UserName"] = "admin",
            ["Form.Password"] = HubTestHost.AdminPassword,
            ["Form.ReturnUrl"] = "/reservations",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/reservations", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
        var board = await UiHttp.GetPageAsync(client, "/");
        Assert.Contains("Chargers", board.QuerySelector("h1")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        var response = await Client().PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Form.UserName"] = "admin",
            ["Form.Password"] = HubTestHost.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Api_WithUiSessionButNoKey_Answers401BearerProblemNotRedirect()
    {
        var client = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await UiHttp.SignInAsync(client, "admin", HubTestHost.AdminPassword)).StatusCode);

        var response = await client.GetAsync(new Uri("/api/chargers", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task OpenApi_Document_ListsNoUiEndpoints()
    {
        var document = await _hub.CreateClient().GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative));

        Assert.DoesNotContain("/board/events", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/reservations/cancel", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/logout", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoardEvents_SignedIn_StreamsEachChargersTileAsServerSentEvent()
    {
        await using var charger = await _hub.StartChargerAsync("CP-STREAM");
        var client = Client();
        await UiHttp.SignInAsync(client, "admin", HubTestHost.AdminPassword);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/board/events");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var tile = await ReadEventAsync(reader, "charger-CP-STREAM");
        var html = await Html.ParseAsync(tile);
        Assert.Equal("CP-STREAM", html.QuerySelector("h2")!.Text());
        Assert.Contains("Available", html.Item("Connector 1").Text(), StringComparison.Ordinal);

        await charger.SendStatusAsync(1, "Charging");
        var update = await Html.ParseAsync(await ReadEventAsync(reader, "charger-CP-STREAM"));
        Assert.Contains("Charging", update.Item("Connector 1").Text(), StringComparison.Ordinal);

        // A charger the board does not show yet: the whole grid comes again.
        await using var newcomer = await _hub.StartChargerAsync("CP-NEWCOMER");
        var grid = await Html.ParseAsync(await ReadEventAsync(reader, "board"));
        Assert.Equal(["CP-NEWCOMER", "CP-STREAM"], grid.QuerySelectorAll("article h2").Select(h => h.Text()));
        Assert.Equal("charger-CP-NEWCOMER", grid.QuerySelector("article")!.GetAttribute("sse-swap"));
    }

    [Fact]
    public async Task BoardEvents_WithoutSession_Answers401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/board/events");
        request.Headers.Accept.ParseAdd("text/event-stream");

        var response = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Cancel_WithoutAntiforgeryToken_IsRefused()
    {
        var client = Client();
        await UiHttp.SignInAsync(client, "admin", HubTestHost.AdminPassword);

        var response = await client.PostAsync(new Uri("/reservations/cancel", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chargerId"] = "CP-X",
            ["reservationId"] = "1",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private HttpClient Client() => _hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The data of the next event with this name (a test times out after 10 s rather than hanging).</summary>
    private static async Task<string> ReadEventAsync(StreamReader reader, string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? eventName = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (eventName == name)
                {
                    return string.Join('\n', data);
                }

                (eventName, data) = (null, []);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line["data: ".Length..]);
            }
        }

        throw new EndOfStreamException($"The stream ended before event {name}.");
    }
}
