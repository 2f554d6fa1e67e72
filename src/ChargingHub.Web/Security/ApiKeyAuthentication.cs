using System.Security.Claims;
using System.Text.Encodings.Web;
using ChargingHub.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ChargingHub.Web.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c> on the REST API. Keys are stored as SHA-256 hashes; the bootstrap key
/// from configuration is compared in constant time. Every API key carries admin rights (keys are made by an admin,
/// for automation).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<SecurityOptions> security,
    ApiKeys apiKeys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        string? name = null;
        if (security.Value.BootstrapApiKey is { Length: > 0 } bootstrap && SecretHasher.FixedTimeEquals(token, bootstrap))
        {
            name = "bootstrap-key";
        }
        else if (await apiKeys.FindActiveAsync(token, Context.RequestAborted) is { } key)
        {
            name = $"api-key:{key}";
        }

        if (name is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, HubPolicies.AdminRole)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(detail: "Send an API key: Authorization: Bearer <api key>.", statusCode: 401).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(detail: "This call needs admin rights.", statusCode: 403).ExecuteAsync(Context);
}

public static class AuthenticationRegistration
{
    public static IServiceCollection AddHubAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeys>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(HubPolicies.Api, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(HubPolicies.Admin, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireRole(HubPolicies.AdminRole));
        return services;
    }
}
