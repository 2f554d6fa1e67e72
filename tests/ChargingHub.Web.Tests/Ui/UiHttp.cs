using System.Net;
using AngleSharp.Dom;

namespace ChargingHub.Web.Tests.Ui;

/// <summary>Signing in and posting forms over plain HTTP, as a browser without scripts does.</summary>
public static class UiHttp
{
    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var page = await Html.ParseAsync(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
        return page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
    }

    /// <summary>Posts the sign-in form; returns the response (a redirect when it worked).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var token = await FormTokenAsync(client, "/login");
        return await client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Form.UserName"] = userName,
            ["Form.Password"] = password,
        }));
    }

    /// <summary>Posts a named form of a page (static server rendering's <c>_handler</c>) with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = await FormTokenAsync(client, path),
        };
        return await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    public static async Task<IDocument> ReadPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IDocument> GetPageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync());
    }
}
