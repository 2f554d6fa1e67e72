using ChargingHub.Ocpp.Tests.Support;
using Ocpp201Actions = ChargingHub.Ocpp.V201.Ocpp201Actions;
using Ocpp201JsonContext = ChargingHub.Ocpp.V201.Ocpp201JsonContext;

namespace ChargingHub.Ocpp.Tests;

public sealed class OcppActionTests
{
    [Fact]
    public void Serializers_are_resolved_on_first_use_and_only_once()
    {
        var resolved = 0;
        var action = new OcppAction<HeartbeatRequest, HeartbeatResponse>(
            "Heartbeat",
            () =>
            {
                resolved++;
                return TestJsonContext.Default.HeartbeatRequest;
            },
            () => TestJsonContext.Default.HeartbeatResponse);

        Assert.Equal(0, resolved);
        Assert.Same(TestJsonContext.Default.HeartbeatRequest, action.RequestType);
        Assert.Same(action.RequestType, action.RequestType);
        Assert.Equal(1, resolved);
    }

    [Fact]
    public void Action_tables_resolve_the_serializers_of_the_context_they_name()
    {
        Assert.Equal("ReserveNow", Ocpp201Actions.ReserveNow.Name);
        Assert.Same(Ocpp201JsonContext.Default.ReserveNowRequest, Ocpp201Actions.ReserveNow.RequestType);
        Assert.Same(Ocpp201JsonContext.Default.ReserveNowResponse, Ocpp201Actions.ReserveNow.ResponseType);
    }
}
