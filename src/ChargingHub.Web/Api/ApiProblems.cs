using ChargingHub.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ChargingHub.Web.Api;

/// <summary>Maps what went wrong to RFC 9457 problem details with a readable <c>detail</c>.</summary>
public static class ApiProblems
{
    public static int StatusOf(HubErrorKind kind) => kind switch
    {
        HubErrorKind.Validation => StatusCodes.Status400BadRequest,
        HubErrorKind.NotFound => StatusCodes.Status404NotFound,
        HubErrorKind.Conflict => StatusCodes.Status409Conflict,
        HubErrorKind.ChargerOffline => StatusCodes.Status503ServiceUnavailable,
        HubErrorKind.ChargerTimeout => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static IResult From(HubException ex)
    {
        var errors = ex.Field is null ? null : new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [ex.Field] = [ex.Message] } };
        return TypedResults.Problem(detail: ex.Message, statusCode: StatusOf(ex.Kind), extensions: errors);
    }

    public static IResult BadRequest(string field, string detail) => From(HubException.Invalid(field, detail));
}

/// <summary>Turns exceptions that escape an API endpoint into problem details instead of a bare 500.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            HubException hub => (ApiProblems.StatusOf(hub.Kind), hub.Message),
            BadHttpRequestException bad => (bad.StatusCode, DescribeBadRequest(bad)),
            _ => (StatusCodes.Status500InternalServerError, "The hub failed to handle the request; see its log."),
        };
        if (status >= 500 && exception is not HubException)
        {
            logger.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Detail = detail };
        if (exception is HubException { Field: { } field })
        {
            // The same shape as ApiProblems.From: a validation error names its field whichever layer found it.
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = problem,
        });
    }

    private static string DescribeBadRequest(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json
            ? $"The request body is not valid JSON for this call: {json.Message}"
            : bad.Message;
}
