using System.Collections.Immutable;
using System.Threading.Channels;

namespace ChargingHub.Domain.Events;

/// <summary>Where the domain reports what happened. Publishing never waits for a listener.</summary>
public interface IHubEventSink
{
    void Publish(HubEvent hubEvent);
}

/// <summary>
/// Fans events out to every subscriber through its own bounded channel, so a slow listener (an MQTT
/// broker that is down, a stalled browser) loses its oldest events instead of slowing the domain down.
/// </summary>
public sealed class HubEventBus : IHubEventSink
{
    private ImmutableArray<Channel<HubEvent>> _subscribers = [];

    public void Publish(HubEvent hubEvent)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Writer.TryWrite(hubEvent);
        }
    }

    /// <summary>Starts receiving events; dispose the subscription to stop.</summary>
    public Subscription Subscribe(int capacity = 10_000)
    {
        var channel = Channel.CreateBounded<HubEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(channel));
        return new Subscription(this, channel);
    }

    private void Unsubscribe(Channel<HubEvent> channel)
    {
        ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(channel));
        channel.Writer.TryComplete();
    }

    public sealed class Subscription(HubEventBus bus, Channel<HubEvent> channel) : IDisposable
    {
        public ChannelReader<HubEvent> Reader => channel.Reader;

        public void Dispose() => bus.Unsubscribe(channel);
    }
}
