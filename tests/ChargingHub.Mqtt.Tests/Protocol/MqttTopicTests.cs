namespace ChargingHub.Mqtt.Tests.Protocol;

public sealed class MqttTopicTests
{
    [Theory]
    [InlineData("chargehub/status")]
    [InlineData("/")]
    [InlineData("a//b")]
    [InlineData("$SYS/broker")]
    [InlineData(" ")]
    [InlineData("ü/日本")]
    public void IsValidTopicName_ValidName_ReturnsTrue(string topic) => Assert.True(MqttTopic.IsValidTopicName(topic));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a/+/b")]
    [InlineData("a/#")]
    [InlineData("a+b")]
    [InlineData("a\0b")]
    public void IsValidTopicName_InvalidName_ReturnsFalse(string? topic) => Assert.False(MqttTopic.IsValidTopicName(topic));

    [Fact]
    public void IsValidTopicName_LoneSurrogate_ReturnsFalse()
    {
        // Not an InlineData: test discovery would mangle the lone surrogate.
        Assert.False(MqttTopic.IsValidTopicName("a\uD800"));
        Assert.False(MqttTopicFilter.IsValid("a/\uDC00"));
    }

    [Fact]
    public void IsValidTopicName_LengthLimit_CountsUtf8Bytes()
    {
        Assert.True(MqttTopic.IsValidTopicName(new string('a', 65_535)));
        Assert.False(MqttTopic.IsValidTopicName(new string('a', 65_536)));
        Assert.False(MqttTopic.IsValidTopicName(new string('ü', 32_768)));
    }

    [Fact]
    public void ValidateTopicName_Wildcard_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => MqttTopic.ValidateTopicName("a/#"));

    [Theory]
    [InlineData("#")]
    [InlineData("+")]
    [InlineData("a/+/c")]
    [InlineData("a/#")]
    [InlineData("+/+")]
    [InlineData("/+")]
    [InlineData("a/b")]
    public void IsValid_ValidFilter_ReturnsTrue(string filter) => Assert.True(MqttTopicFilter.IsValid(filter));

    [Theory]
    [InlineData("")]
    [InlineData("a/#/b")]
    [InlineData("a#")]
    [InlineData("a/b#")]
    [InlineData("a+")]
    [InlineData("a/+b")]
    [InlineData("##")]
    [InlineData("a\0")]
    public void IsValid_InvalidFilter_ReturnsFalse(string filter) => Assert.False(MqttTopicFilter.IsValid(filter));

    [Theory]
    [InlineData("a/b/c", "a/b/c")]
    [InlineData("a/+/c", "a/b/c")]
    [InlineData("a/+/c", "a//c")]
    [InlineData("+/+", "/finance")]
    [InlineData("/+", "/finance")]
    [InlineData("#", "a/b/c")]
    [InlineData("#", "/")]
    [InlineData("a/#", "a")]
    [InlineData("a/#", "a/b")]
    [InlineData("a/#", "a/b/c")]
    [InlineData("a/+/#", "a/b")]
    [InlineData("chargehub/chargers/+/connectors/+/reserve/set", "chargehub/chargers/c-1/connectors/2/reserve/set")]
    [InlineData("$SYS/#", "$SYS/broker/load")]
    [InlineData("$SYS/+", "$SYS/x")]
    public void Matches_MatchingTopic_ReturnsTrue(string filter, string topic) => Assert.True(MqttTopicFilter.Matches(filter, topic));

    [Theory]
    [InlineData("a/b/c", "a/b")]
    [InlineData("a/b", "a/b/c")]
    [InlineData("a/+", "a")]
    [InlineData("a/+", "a/b/c")]
    [InlineData("+", "a/b")]
    [InlineData("+", "/finance")]
    [InlineData("a/#", "ab")]
    [InlineData("A/b", "a/b")]
    [InlineData("#", "$SYS/broker")]
    [InlineData("+/broker", "$SYS/broker")]
    [InlineData("chargehub/chargers/+/connectors/+/reserve/set", "chargehub/chargers/c-1/connectors/2/cancel/set")]
    public void Matches_OtherTopic_ReturnsFalse(string filter, string topic) => Assert.False(MqttTopicFilter.Matches(filter, topic));

    [Fact]
    public void Matches_InvalidArguments_ThrowArgumentException()
    {
        Assert.Throws<ArgumentException>(() => MqttTopicFilter.Matches("a/#/b", "a/x/b"));
        Assert.Throws<ArgumentException>(() => MqttTopicFilter.Matches("a/#", "a/+"));
    }
}
