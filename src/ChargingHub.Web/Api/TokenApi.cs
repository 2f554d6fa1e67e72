using ChargingHub.Domain;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Tokens;
using ChargingHub.Web.Security;

namespace ChargingHub.Web.Api;

/// <summary>The id-token calls of the REST API.</summary>
public static class TokenApi
{
    /// <summary>2.0.1 idToken is string(36); a 1.6 charger only ever presents up to 20.</summary>
    public const int MaxIdTagLength = 36;

    public static RouteGroupBuilder MapTokenApi(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Tokens");
        tokens.MapGet("/", async (ITokenStore store, CancellationToken ct) =>
            TypedResults.Ok(new Envelope<IReadOnlyList<TokenDto>>((await store.ListAsync(ct)).Select(TokenDto.From).ToList())));
        tokens.MapPost("/", SaveAsync).RequireAuthorization(HubPolicies.Admin).WithSummary("Add or replace an id token");
        tokens.MapDelete("/{idTag}", async (string idTag, ITokenStore store, CancellationToken ct) =>
        {
            var existing = await store.GetAsync(idTag, ct);
            return existing is not null && await store.DeleteAsync(idTag, ct)
                ? TypedResults.Ok(new Envelope<TokenDto>(TokenDto.From(existing)))
                : ApiProblems.From(HubException.NotFound($"Token '{idTag}' is not known."));
        }).RequireAuthorization(HubPolicies.Admin);
        return api;
    }

    private static async Task<IResult> SaveAsync(TokenBody body, ITokenStore store, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.IdTag) || body.IdTag.Length > MaxIdTagLength)
        {
            return ApiProblems.BadRequest("idTag", $"idTag is required and at most {MaxIdTagLength} characters.");
        }

        if (body.ParentIdTag is { } parent && (parent.Length == 0 || parent.Length > MaxIdTagLength))
        {
            return ApiProblems.BadRequest("parentIdTag", $"parentIdTag must be 1 to {MaxIdTagLength} characters.");
        }

        var existing = await store.GetAsync(body.IdTag, ct);
        var token = new IdToken
        {
            IdTag = body.IdTag,
            ParentIdTag = body.ParentIdTag,
            Name = body.Name,
            Blocked = body.Blocked ?? false,
            MemberId = existing?.MemberId,
        };
        await store.SaveAsync(token, ct);
        return TypedResults.Ok(new Envelope<TokenDto>(TokenDto.From(token)));
    }
}
