using ChargingHub.Infrastructure.HomeAssistant;

namespace ChargingHub.Infrastructure.Tests.HomeAssistant;

public sealed class HubTopicsTests
{
    private readonly HubTopics _topics = new("chargehub", "homeassistant");

    [Fact]
    public void Topics_DefaultBase_MatchContract()
    {
        Assert.Equal("chargehub/status", _topics.Status);
        Assert.Equal("chargehub/events", _topics.Events);
        Assert.Equal("homeassistant/status", _topics.HomeAssistantStatus);
        Assert.Equal("chargehub/chargers/CP-1/online", _topics.ChargerOnline("CP-1"));
        Assert.Equal("chargehub/chargers/CP-1/connectors/2/status", _topics.ConnectorStatus("CP-1", 2));
        Assert.Equal("chargehub/chargers/CP-1/connectors/0/reservation", _topics.ConnectorReservation("CP-1", 0));
        Assert.Equal("chargehub/chargers/CP-1/connectors/1/reserved", _topics.ConnectorReserved("CP-1", 1));
        Assert.Equal("chargehub/chargers/CP-1/connectors/1/reserve/set", _topics.ReserveCommand("CP-1", 1));
        Assert.Equal("chargehub/chargers/CP-1/connectors/1/cancel/set", _topics.CancelCommand("CP-1", 1));
        Assert.Equal("chargehub/chargers/+/connectors/+/reserve/set", _topics.ReserveCommandFilter);
        Assert.Equal("chargehub/chargers/+/connectors/+/cancel/set", _topics.CancelCommandFilter);
        Assert.Equal("homeassistant/sensor/node/object/config", _topics.DiscoveryConfig("sensor", "node", "object"));
    }

    [Fact]
    public void TryParseCommand_MultiLevelBase_ReadsChargerConnectorAndKind()
    {
        var topics = new HubTopics("home/hub", "ha");

        Assert.True(topics.TryParseCommand("home/hub/chargers/CP.1:a/connectors/0/reserve/set", out var reserve));
        Assert.Equal(new CommandTopic(MqttCommandKind.Reserve, "CP.1:a", "0"), reserve);
        Assert.True(topics.TryParseCommand("home/hub/chargers/CP1/connectors/x/cancel/set", out var cancel));
        Assert.Equal(new CommandTopic(MqttCommandKind.Cancel, "CP1", "x"), cancel);
    }

    [Theory]
    [InlineData("chargehub/chargers/CP1/connectors/1/status")]
    [InlineData("chargehub/chargers/CP1/connectors/1/reserve")]
    [InlineData("chargehub/chargers/CP1/connectors/1/stop/set")]
    [InlineData("chargehub/chargers//connectors/1/reserve/set")]
    [InlineData("chargehub/chargers/CP1/plugs/1/reserve/set")]
    [InlineData("chargehub/chargers/CP1/connectors/1/reserve/set/more")]
    [InlineData("other/chargers/CP1/connectors/1/reserve/set")]
    [InlineData("chargehub/status")]
    public void TryParseCommand_OtherTopic_False(string topic) =>
        Assert.False(_topics.TryParseCommand(topic, out _));
}
