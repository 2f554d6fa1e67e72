namespace ChargingHub.Ocpp.Tests.Contracts;

/// <summary>
/// Sample payloads of one action: "full" sets every optional field, "minimal" only the required ones.
/// Messages without fields use the same instance for both.
/// </summary>
internal sealed record ActionSamples(object FullRequest, object MinimalRequest, object FullResponse, object MinimalResponse)
{
    public object Get(SampleKind kind) => kind switch
    {
        SampleKind.FullRequest => FullRequest,
        SampleKind.MinimalRequest => MinimalRequest,
        SampleKind.FullResponse => FullResponse,
        SampleKind.MinimalResponse => MinimalResponse,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>Which of an action's samples a test case uses.</summary>
public enum SampleKind
{
    FullRequest,
    MinimalRequest,
    FullResponse,
    MinimalResponse,
}

internal static class SampleKindExtensions
{
    public static bool IsRequest(this SampleKind kind) => kind is SampleKind.FullRequest or SampleKind.MinimalRequest;

    public static bool IsFull(this SampleKind kind) => kind is SampleKind.FullRequest or SampleKind.FullResponse;
}
