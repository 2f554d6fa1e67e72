using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChargingHub.Web.Tests;

/// <summary>Reading the REST API's JSON in tests.</summary>
public static class ApiTesting
{
    /// <summary>GETs <paramref name="path"/>, asserts 200 and returns the body.</summary>
    public static async Task<JsonElement> GetJsonAsync(this HttpClient api, string path)
    {
        var response = await api.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient api, string path, object body) =>
        await api.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);

    public static async Task<HttpResponseMessage> PatchJsonAsync(this HttpClient api, string path, object body) =>
        await api.PatchAsJsonAsync(new Uri(path, UriKind.Relative), body);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Asserts an RFC 9457 problem with the given status and a non-empty detail; returns the body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()), text);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        return body;
    }
}
