using System.Text.Json;
using System.Text.Json.Nodes;
using ChargingHub.Ocpp.V16;
using ChargingHub.Ocpp.V201;

namespace ChargingHub.Ocpp.Tests.Contracts;

public sealed class DateTimeSerializationTests
{
    [Fact]
    public void Serialize_UtcTime_WritesZSuffix()
    {
        var response = new V16.HeartbeatResponse { CurrentTime = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero) };

        var json = JsonSerializer.Serialize(response, Ocpp16JsonContext.Default.HeartbeatResponse);

        Assert.Equal("""{"currentTime":"2026-01-01T12:00:00Z"}""", json);
    }

    [Fact]
    public void Serialize_UtcTimeWithMilliseconds_KeepsFractionWithoutTrailingZeros()
    {
        var response = new V201.HeartbeatResponse { CurrentTime = new DateTimeOffset(2026, 1, 1, 12, 0, 0, 120, TimeSpan.Zero) };

        var json = JsonSerializer.Serialize(response, Ocpp201JsonContext.Default.HeartbeatResponse);

        Assert.Equal("""{"currentTime":"2026-01-01T12:00:00.12Z"}""", json);
    }

    [Fact]
    public void Serialize_TimeWithOffset_KeepsOffset()
    {
        var response = new V16.HeartbeatResponse { CurrentTime = new DateTimeOffset(2026, 7, 1, 14, 30, 5, TimeSpan.FromHours(2)) };

        var json = JsonSerializer.Serialize(response, Ocpp16JsonContext.Default.HeartbeatResponse);

        Assert.Equal("""{"currentTime":"2026-07-01T14:30:05+02:00"}""", json);
    }

    [Fact]
    public void Deserialize_TimeWithoutOffset_AssumesUtc()
    {
        var response = JsonSerializer.Deserialize("""{"currentTime":"2026-07-01T14:30:05"}""", Ocpp201JsonContext.Default.HeartbeatResponse)!;

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 14, 30, 5, TimeSpan.Zero), response.CurrentTime);
        Assert.Equal(TimeSpan.Zero, response.CurrentTime.Offset);
    }

    [Fact]
    public void Deserialize_TimeWithOffset_KeepsInstantAndOffset()
    {
        var response = JsonSerializer.Deserialize("""{"currentTime":"2026-07-01T14:30:05.250+02:00"}""", Ocpp16JsonContext.Default.HeartbeatResponse)!;

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 12, 30, 5, 250, TimeSpan.Zero), response.CurrentTime);
        Assert.Equal(TimeSpan.FromHours(2), response.CurrentTime.Offset);
    }

    [Fact]
    public void Deserialize_NotADate_Throws()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"currentTime":"yesterday"}""", Ocpp16JsonContext.Default.HeartbeatResponse));
    }

    [Fact]
    public void Serialize_OptionalDateTime_IsOmittedWhenNull()
    {
        var info = new IdTagInfo { Status = AuthorizationStatus.Accepted };

        var json = JsonSerializer.Serialize(new V16.AuthorizeResponse { IdTagInfo = info }, Ocpp16JsonContext.Default.AuthorizeResponse);

        Assert.Null(JsonNode.Parse(json)!["idTagInfo"]!["expiryDate"]);
    }
}
