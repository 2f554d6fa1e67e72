using System.Text.Json;

namespace ChargingHub.Ocpp.Tests.Support;

/// <summary>An <see cref="IOcppCallHandler"/> made from a lambda, recording what it was asked.</summary>
internal sealed class DelegateHandler(Func<OcppIncomingCall, CancellationToken, ValueTask<OcppResult>> handle) : IOcppCallHandler
{
    private int _calls;

    public int CallCount => Volatile.Read(ref _calls);

    public static DelegateHandler Returning(string responseJson) => new((_, _) =>
    {
        using var document = JsonDocument.Parse(responseJson);
        return ValueTask.FromResult(OcppResult.Ok(document.RootElement));
    });

    public static DelegateHandler Unused() => new((_, _) => throw new InvalidOperationException("No call was expected."));

    public ValueTask<OcppResult> HandleAsync(OcppIncomingCall call, CancellationToken ct)
    {
        Interlocked.Increment(ref _calls);
        return handle(call, ct);
    }
}
