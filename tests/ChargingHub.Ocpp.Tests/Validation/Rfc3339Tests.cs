namespace ChargingHub.Ocpp.Tests.Validation;

public sealed class Rfc3339Tests
{
    [Theory]
    [InlineData("2026-01-01T12:00:00Z")]
    [InlineData("2026-01-01T12:00:00.1Z")]
    [InlineData("2013-02-01T20:53:32.486Z")]
    [InlineData("2026-01-01T12:00:00.123456789+05:30")]
    [InlineData("2024-02-29T00:00:00-00:00")]
    [InlineData("2026-12-31T23:59:59+23:59")]
    [InlineData("2026-01-01t12:00:00z")]
    public void IsDateTime_Rfc3339WithOffset_IsAccepted(string text)
    {
        Assert.True(Rfc3339.IsDateTime(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-01-01T12:00:00")] // no offset
    [InlineData("2026-01-01")]
    [InlineData("2026-01-01 12:00:00Z")]
    [InlineData("2023-02-29T00:00:00Z")] // not a leap year
    [InlineData("2026-04-31T00:00:00Z")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-00-01T00:00:00Z")]
    [InlineData("2026-01-00T00:00:00Z")]
    [InlineData("2026-01-01T24:00:00Z")]
    [InlineData("2026-01-01T12:60:00Z")]
    [InlineData("2026-12-31T23:59:60Z")] // leap second: DateTimeOffset cannot hold it
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2026-01-01T12:00:00.Z")]
    [InlineData("2026-01-01T12:00:00.5")]
    [InlineData("2026-01-01T12:00:00+0530")]
    [InlineData("2026-01-01T12:00:00+24:00")]
    [InlineData("2026-01-01T12:00:00+05:60")]
    [InlineData("2026-01-01T12:00:00+05")]
    [InlineData("2026-1-01T12:00:00Z")]
    [InlineData("2026-01-01T12:00:00ZZ")]
    [InlineData("2026-01-01T12:00:00Z ")]
    [InlineData("２０２６-01-01T12:00:00Z")] // non-ASCII digits
    public void IsDateTime_AnythingElse_IsRefused(string text)
    {
        Assert.False(Rfc3339.IsDateTime(text));
    }
}
