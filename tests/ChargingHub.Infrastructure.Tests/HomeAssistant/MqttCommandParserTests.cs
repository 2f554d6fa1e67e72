using System.Text;
using ChargingHub.Infrastructure.HomeAssistant;

namespace ChargingHub.Infrastructure.Tests.HomeAssistant;

public sealed class MqttCommandParserTests
{
    private const string Reserve1 = "chargehub/chargers/CP1/connectors/1/reserve/set";
    private static readonly DateTimeOffset Now = new(2030, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly MqttCommandParser _parser = new(new HubTopics("chargehub", "homeassistant"), TimeSpan.FromHours(2));

    [Fact]
    public void TryParse_IdTagAndMinutes_ExpiresThatManyMinutesFromNow()
    {
        var command = Parse(Reserve1, """{"idTag":"TAG-1","minutes":45}""");

        Assert.Equal(new MqttReserveCommand("CP1", 1, "TAG-1", Now.AddMinutes(45)), command);
        Assert.Equal("reserve", command.Name);
    }

    [Theory]
    [InlineData("2030-05-01T12:30:00+02:00")]
    [InlineData("2030-05-01T10:30:00Z")]
    [InlineData("2030-05-01T10:30:00.000z")]
    [InlineData("2030-05-01T05:30:00-05:00")]
    public void TryParse_IdTagAndExpiryDateWithOffset_ThatInstant(string expiryDate)
    {
        var command = Parse(Reserve1, $$"""{"idTag":"TAG-1","expiryDate":"{{expiryDate}}"}""");

        var reserve = Assert.IsType<MqttReserveCommand>(command);
        Assert.Equal(Now.AddMinutes(30), reserve.ExpiresAt);
    }

    [Fact]
    public void TryParse_NullAlternativeAndUnknownProperties_Ignored()
    {
        var command = Parse("chargehub/chargers/CP1/connectors/0/reserve/set",
            """{"idTag":"TAG-1","minutes":120,"expiryDate":null,"comment":{"nested":[1,2]}}""");

        Assert.Equal(new MqttReserveCommand("CP1", 0, "TAG-1", Now.AddHours(2)), command);
    }

    [Theory]
    [InlineData("")]
    [InlineData("PRESS")]
    [InlineData("{not json")]
    [InlineData("""{"idTag":"x"}""")]
    public void TryParse_CancelWithAnyPayload_Cancel(string payload) =>
        Assert.Equal(new MqttCancelCommand("CP1", 2), Parse("chargehub/chargers/CP1/connectors/2/cancel/set", payload));

    [Fact]
    public void TryParse_CancelWithInvalidUtf8_Cancel()
    {
        Assert.True(_parser.TryParse("chargehub/chargers/CP1/connectors/2/cancel/set", new byte[] { 0xFF, 0xFE, 0xC3 }, Now, out var command, out _));
        Assert.Equal(new MqttCancelCommand("CP1", 2), command);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "not valid JSON")]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("""{"idTag":"A","minutes":30""", "not valid JSON")]
    [InlineData("""{"idTag":"A","minutes":30} trailing""", "not valid JSON")]
    [InlineData("null", "JSON object")]
    [InlineData("[]", "JSON object")]
    [InlineData("\"TAG\"", "JSON object")]
    [InlineData("30", "JSON object")]
    [InlineData("true", "JSON object")]
    [InlineData("""{"minutes":30}""", "idTag")]
    [InlineData("""{"idTag":null,"minutes":30}""", "idTag")]
    [InlineData("""{"idTag":42,"minutes":30}""", "idTag")]
    [InlineData("""{"idTag":"","minutes":30}""", "idTag")]
    [InlineData("""{"idTag":"   ","minutes":30}""", "idTag")]
    [InlineData("""{"idTag":["A"],"minutes":30}""", "idTag")]
    [InlineData("""{"idTag":"A"}""", "minutes or expiryDate")]
    [InlineData("""{"idTag":"A","minutes":null,"expiryDate":null}""", "minutes or expiryDate")]
    [InlineData("""{"idTag":"A","minutes":30,"expiryDate":"2030-05-01T12:00:00Z"}""", "not both")]
    [InlineData("""{"idTag":"A","minutes":0}""", "whole number from 1 to 120")]
    [InlineData("""{"idTag":"A","minutes":-5}""", "whole number from 1 to 120")]
    [InlineData("""{"idTag":"A","minutes":121}""", "whole number from 1 to 120")]
    [InlineData("""{"idTag":"A","minutes":1.5}""", "whole number from 1 to 120")]
    [InlineData("""{"idTag":"A","minutes":30.0}""", "whole number from 1 to 120")]
    [InlineData("""{"idTag":"A","minutes":3e1}""", "whole number from 1 to 120")]
    [InlineData("""{"idTag":"A","minutes":"30"}""", "whole number from 1 to 120")]
    [InlineData("""{"idTag":"A","minutes":true}""", "whole number from 1 to 120")]
    [InlineData("""{"idTag":"A","minutes":99999999999999999999}""", "whole number from 1 to 120")]
    [InlineData("""{"idTag":"A","expiryDate":"2030-05-01T12:00:00"}""", "offset")]
    [InlineData("""{"idTag":"A","expiryDate":"2030-05-01"}""", "offset")]
    [InlineData("""{"idTag":"A","expiryDate":"2030-05-01+02:00"}""", "offset")]
    [InlineData("""{"idTag":"A","expiryDate":"tomorrow"}""", "offset")]
    [InlineData("""{"idTag":"A","expiryDate":"2030-13-01T12:00:00Z"}""", "offset")]
    [InlineData("""{"idTag":"A","expiryDate":""}""", "offset")]
    [InlineData("""{"idTag":"A","expiryDate":1893456000}""", "offset")]
    public void TryParse_MalformedReservePayload_RejectedWithReason(string payload, string reasonMentions)
    {
        var rejection = Reject(Reserve1, Encoding.UTF8.GetBytes(payload));

        Assert.Equal(new MqttCommandRejection(MqttCommandKind.Reserve, "CP1", 1, rejection.Reason), rejection);
        Assert.Contains(reasonMentions, rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_InvalidUtf8Payload_RejectedWithReason()
    {
        var rejection = Reject(Reserve1, [(byte)'{', 0xFF, 0xFE, (byte)'}']);

        Assert.Contains("JSON", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_DeeplyNestedPayload_RejectedWithReason()
    {
        var payload = new string('[', 10_000) + new string(']', 10_000);

        var rejection = Reject(Reserve1, Encoding.UTF8.GetBytes(payload));

        Assert.Contains("not valid JSON", rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("01")]
    [InlineData(" 1")]
    [InlineData("1.0")]
    [InlineData("1e2")]
    [InlineData("")]
    [InlineData("99999999999")]
    public void TryParse_ConnectorNotANumber_RejectedWithoutConnectorId(string connector)
    {
        var rejection = Reject($"chargehub/chargers/CP1/connectors/{connector}/cancel/set", [])!;

        Assert.Equal(MqttCommandKind.Cancel, rejection.Kind);
        Assert.Equal("CP1", rejection.ChargerId);
        Assert.Null(rejection.ConnectorId);
        Assert.Contains("connector", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_NotACommandTopic_Rejected()
    {
        var rejection = Reject("chargehub/chargers/CP1/connectors/1/status", "Available"u8.ToArray());

        Assert.Contains("not a command topic", rejection.Reason, StringComparison.Ordinal);
    }

    private MqttCommand Parse(string topic, string payload)
    {
        Assert.True(_parser.TryParse(topic, Encoding.UTF8.GetBytes(payload), Now, out var command, out var rejection), rejection?.Reason);
        return command;
    }

    private MqttCommandRejection Reject(string topic, byte[] payload)
    {
        Assert.False(_parser.TryParse(topic, payload, Now, out var command, out var rejection), $"Accepted: {command}");
        Assert.False(string.IsNullOrWhiteSpace(rejection.Reason));
        return rejection;
    }
}
