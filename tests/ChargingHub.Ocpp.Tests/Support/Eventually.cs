namespace ChargingHub.Ocpp.Tests.Support;

internal static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test after a generous real-time limit.</summary>
    public static async Task TrueAsync(Func<bool> condition, string because)
    {
        var deadline = Environment.TickCount64 + (long)RawPeer.Patience.TotalMilliseconds;
        while (!condition())
        {
            Assert.True(Environment.TickCount64 < deadline, because);
            await Task.Delay(5);
        }
    }
}
