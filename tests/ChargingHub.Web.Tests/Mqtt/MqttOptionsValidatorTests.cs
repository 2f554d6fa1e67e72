using ChargingHub.Web.Mqtt;

namespace ChargingHub.Web.Tests.Mqtt;

public sealed class MqttOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new MqttOptionsValidator().Validate(null, new MqttOptions { Host = "broker" }).Succeeded);

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    [InlineData(-1)]
    public void Validate_PortOutOfRange_NamesKey(int port) =>
        AssertFails(new MqttOptions { Host = "broker", Port = port }, "Hub:Mqtt:Port");

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("charge/+")]
    [InlineData("charge/#")]
    [InlineData("/chargehub")]
    [InlineData("chargehub/")]
    [InlineData("charge//hub")]
    [InlineData("$SYS")]
    [InlineData("a\0b")]
    public void Validate_BadBaseTopic_NamesKey(string baseTopic) =>
        AssertFails(new MqttOptions { Host = "broker", BaseTopic = baseTopic }, "Hub:Mqtt:BaseTopic");

    [Theory]
    [InlineData("home+assistant")]
    [InlineData("")]
    public void Validate_BadDiscoveryPrefix_NamesKey(string prefix) =>
        AssertFails(new MqttOptions { Host = "broker", DiscoveryPrefix = prefix }, "Hub:Mqtt:DiscoveryPrefix");

    [Fact]
    public void Validate_BaseTopicEqualsDiscoveryPrefix_Fails() =>
        AssertFails(new MqttOptions { Host = "broker", BaseTopic = "ha", DiscoveryPrefix = "ha" }, "must differ");

    [Fact]
    public void Validate_PasswordWithoutUsername_NamesUsername() =>
        AssertFails(new MqttOptions { Host = "broker", Password = "secret" }, "Hub:Mqtt:Username");

    [Fact]
    public void ToClientOptions_Configured_WillIsRetainedOfflineOnStatus()
    {
        var client = new MqttOptions { Host = " broker ", Port = 8883, UseTls = true, Username = "hub", Password = "pw", BaseTopic = "home/ev" }.ToClientOptions();

        Assert.Equal(("broker", 8883, true, "hub", "pw"), (client.Host, client.Port, client.UseTls, client.Username, client.Password));
        Assert.Equal("home/ev/status", client.Will!.Topic);
        Assert.Equal("offline"u8.ToArray(), client.Will.Payload.ToArray());
        Assert.True(client.Will.Retain);
        Assert.Equal("charginghub-home-ev", client.ClientId);
    }

    private static void AssertFails(MqttOptions options, string mentions)
    {
        var result = new MqttOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains(mentions, StringComparison.Ordinal));
    }
}
