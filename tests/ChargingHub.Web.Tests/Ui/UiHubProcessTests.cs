using System.Net;
using System.Text.RegularExpressions;
using ChargingHub.Web.Tests.Support;
using Xunit.Abstractions;

namespace ChargingHub.Web.Tests.Ui;

/// <summary>The UI over a real socket: what a phone downloads on first load, and sessions surviving a restart.</summary>
public sealed partial class UiHubProcessTests(ITestOutputHelper output)
{
    private const int Budget = 200 * 1024;

    [Fact]
    public async Task FirstLoad_Board_TransfersUnder200KilobytesCompressed()
    {
        await using var hub = await HubProcess.StartAsync();
        using var session = SignedInClient(hub, out var cookies);
        await SignInAsync(session);
        using var raw = new HttpClient(new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            CookieContainer = cookies,
            AllowAutoRedirect = false,
        }) { BaseAddress = hub.BaseAddress };
        raw.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");

        var page = await raw.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEmpty(page.Content.Headers.ContentEncoding);
        var pageBytes = (await page.Content.ReadAsByteArrayAsync()).Length;
        var html = await Html.ParseAsync(await session.GetStringAsync(new Uri("/", UriKind.Relative)));
        var assets = html.QuerySelectorAll("link[rel=stylesheet][href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Concat(CssUrls(await session.GetStringAsync(new Uri(html.QuerySelectorAll("link[rel=stylesheet]").Last().GetAttribute("href")!, UriKind.Relative))))
            .ToList();

        var total = pageBytes;
        foreach (var asset in assets)
        {
            var response = await raw.GetAsync(new Uri("/" + asset.TrimStart('/'), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            Assert.True(bytes > 0, $"{asset} came back empty.");
            if (asset.EndsWith(".css", StringComparison.Ordinal) || asset.EndsWith(".js", StringComparison.Ordinal))
            {
                Assert.NotEmpty(response.Content.Headers.ContentEncoding);
            }

            output.WriteLine($"{asset}: {bytes} bytes ({string.Join(",", response.Content.Headers.ContentEncoding)})");
            total += bytes;
        }

        output.WriteLine($"board page: {pageBytes} bytes; first load in total: {total} bytes");
        Assert.True(total <= Budget, $"The first load of the board transfers {total} bytes, over the {Budget} byte budget.");
    }

    [Fact]
    public async Task Session_AfterHubRestart_IsStillSignedIn()
    {
        var dataDirectory = TempDirectory.Create();
        CookieContainer cookies;
        await using (var first = await HubProcess.StartAsync(dataDirectory: dataDirectory))
        {
            using var client = SignedInClient(first, out cookies);
            Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client)).StatusCode);
        }

        await using var second = await HubProcess.StartAsync(dataDirectory: dataDirectory);
        using var again = new HttpClient(new HttpClientHandler { CookieContainer = Rebase(cookies, second), AllowAutoRedirect = false })
        {
            BaseAddress = second.BaseAddress,
        };

        var response = await again.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Directory.EnumerateFiles(Path.Combine(dataDirectory, "keys"), "*.xml").Any());
        TempDirectory.TryDelete(dataDirectory);
    }

    private static HttpClient SignedInClient(HubProcess hub, out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = hub.BaseAddress };
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client) => UiHttp.SignInAsync(client, "admin", HubTestHost.AdminPassword);

    /// <summary>The cookies of one hub process, sent to another (another port on the same host).</summary>
    private static CookieContainer Rebase(CookieContainer cookies, HubProcess target)
    {
        var moved = new CookieContainer();
        foreach (Cookie cookie in cookies.GetAllCookies())
        {
            moved.Add(target.BaseAddress, new Cookie(cookie.Name, cookie.Value, "/"));
        }

        return moved;
    }

    private static IEnumerable<string> CssUrls(string css) =>
        CssUrl().Matches(css).Select(m => m.Groups[1].Value.Replace("../", "", StringComparison.Ordinal)).Distinct();

    [GeneratedRegex("""url\("?([^")]+\.svg)"?\)""")]
    private static partial Regex CssUrl();
}
