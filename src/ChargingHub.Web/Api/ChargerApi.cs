using System.Text.Json;
using ChargingHub.Domain;
using ChargingHub.Domain.Chargers;
using ChargingHub.Web.Ocpp;
using ChargingHub.Web.Security;

namespace ChargingHub.Web.Api;

/// <summary>The charger calls of the REST API.</summary>
public static class ChargerApi
{
    public static RouteGroupBuilder MapChargerApi(this RouteGroupBuilder api)
    {
        var chargers = api.MapGroup("/chargers").WithTags("Chargers");
        chargers.MapGet("/", async (ChargerViews views, CancellationToken ct) =>
            TypedResults.Ok(new Envelope<IReadOnlyList<ChargerDto>>(await views.ListAsync(ct))));
        chargers.MapGet("/{chargerId}", async (string chargerId, ChargerViews views, CancellationToken ct) =>
            await views.GetAsync(chargerId, ct) is { } charger
                ? TypedResults.Ok(new Envelope<ChargerDto>(charger))
                : ApiProblems.From(HubException.NotFound($"Charger '{chargerId}' is not known.")));
        chargers.MapPost("/", CreateAsync).RequireAuthorization(HubPolicies.Admin).WithSummary("Pre-register a charger (counts as approved)");
        chargers.MapPatch("/{chargerId}", UpdateAsync).RequireAuthorization(HubPolicies.Admin).WithSummary("Approve a charger or set/remove its password");
        return api;
    }

    private static async Task<IResult> CreateAsync(NewChargerBody body, ChargerService chargers, ChargerViews views, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Id))
        {
            return ApiProblems.BadRequest("id", "id is required.");
        }

        if (PasswordProblem(body.Password) is { } problem)
        {
            return ApiProblems.BadRequest("password", problem);
        }

        await chargers.PreRegisterAsync(body.Id, body.Password is null ? null : SecretHasher.HashPassword(body.Password), ct);
        return TypedResults.Ok(new Envelope<ChargerDto>((await views.GetAsync(body.Id, ct))!));
    }

    /// <summary>Reads the body as JSON so that <c>"password": null</c> (remove it) differs from no password field (keep it).</summary>
    private static async Task<IResult> UpdateAsync(string chargerId, JsonElement body, ChargerAdministration admin, ChargerViews views, CancellationToken ct)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return ApiProblems.BadRequest("body", "The body must be a JSON object.");
        }

        bool? approve = null;
        if (body.TryGetProperty("approved", out var approved))
        {
            if (approved.ValueKind != JsonValueKind.True)
            {
                return ApiProblems.BadRequest("approved", "approved can only be true (approving cannot be undone).");
            }

            approve = true;
        }

        var setPassword = body.TryGetProperty("password", out var password);
        string? newPassword = null;
        if (setPassword)
        {
            if (password.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return ApiProblems.BadRequest("password", "password must be a string, or null to remove it.");
            }

            var text = password.ValueKind == JsonValueKind.String ? password.GetString() : null;
            if (text is not null && PasswordProblem(text) is { } problem)
            {
                return ApiProblems.BadRequest("password", problem);
            }

            newPassword = text;
        }

        if (approve == true)
        {
            await admin.ApproveAsync(chargerId, ct);
        }

        if (setPassword)
        {
            await admin.SetPasswordAsync(chargerId, newPassword, ct);
        }

        if (approve is null && !setPassword)
        {
            _ = await views.GetAsync(chargerId, ct) ?? throw HubException.NotFound($"Charger '{chargerId}' is not known.");
        }

        return TypedResults.Ok(new Envelope<ChargerDto>((await views.GetAsync(chargerId, ct))!));
    }

    /// <summary>OCPP 1.6 security profile 1/2 passwords are 16 to 40 characters (OCPP 1.6 security whitepaper, AuthorizationKey).</summary>
    public static string? PasswordProblem(string? password) =>
        password is not null && (password.Length < 16 || password.Length > 40)
            ? "password must be 16 to 40 characters (the OCPP basic-auth key length)."
            : null;
}
