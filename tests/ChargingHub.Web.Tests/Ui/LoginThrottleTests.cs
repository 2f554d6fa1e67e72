using System.Net;
using ChargingHub.Web.Ui;

namespace ChargingHub.Web.Tests.Ui;

public sealed class LoginThrottleTests
{
    [Fact]
    public void RecordFailure_FifthFailureInWindow_LocksOutThatUserAtThatAddress()
    {
        using var throttle = new LoginThrottle();
        var phone = IPAddress.Parse("192.168.1.20");

        for (var failure = 1; failure < LoginThrottle.MaxFailures; failure++)
        {
            Assert.False(throttle.RecordFailure("Alice", phone));
        }

        Assert.True(throttle.RecordFailure("alice ", phone));
        Assert.True(throttle.IsLockedOut("ALICE", phone));
        Assert.False(throttle.IsLockedOut("alice", IPAddress.Parse("192.168.1.21")));
        Assert.False(throttle.IsLockedOut("bob", phone));
    }
}
