using ChargingHub.Mqtt.Client;

namespace ChargingHub.Mqtt.Tests.Client;

public sealed class OutboundQueueTests
{
    [Fact]
    public void Enqueue_WhenFull_DropsOldestNonRetained()
    {
        var queue = new OutboundQueue(3);
        queue.Enqueue(Message("r1", retain: true));
        queue.Enqueue(Message("a"));
        queue.Enqueue(Message("b"));

        var dropped = queue.Enqueue(Message("c"));

        Assert.Equal("a", dropped?.Topic);
        Assert.Equal(["r1", "b", "c"], DrainTopics(queue));
    }

    [Fact]
    public void Enqueue_WhenFullOfRetained_DropsOldest()
    {
        var queue = new OutboundQueue(2);
        queue.Enqueue(Message("r1", retain: true));
        queue.Enqueue(Message("r2", retain: true));

        var dropped = queue.Enqueue(Message("a"));

        Assert.Equal("r1", dropped?.Topic);
        Assert.Equal(["r2", "a"], DrainTopics(queue));
    }

    [Fact]
    public void Enqueue_ManyAfterDequeues_KeepsBoundAndOrder()
    {
        var queue = new OutboundQueue(10);
        for (var i = 0; i < 1000; i++)
        {
            queue.Enqueue(Message($"m{i}", retain: i % 7 == 0));
            if (i % 3 == 1)
            {
                queue.TryDequeue(out _);
            }

            Assert.True(queue.Count <= 10);
        }

        var remaining = DrainTopics(queue);
        Assert.Equal(10, remaining.Count);
        Assert.Equal(remaining.OrderBy(t => int.Parse(t[1..], System.Globalization.CultureInfo.InvariantCulture)), remaining);
        Assert.Equal("m999", remaining[^1]);
    }

    [Fact]
    public async Task WaitAsync_MessageArrives_Completes()
    {
        var queue = new OutboundQueue(10);
        var wait = queue.WaitAsync(CancellationToken.None);
        Assert.False(wait.IsCompleted);

        queue.Enqueue(Message("a"));

        await wait.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private static OutgoingMessage Message(string topic, bool retain = false) =>
        new(topic, [1], MqttQos.AtMostOnce, retain, 0);

    private static List<string> DrainTopics(OutboundQueue queue)
    {
        var topics = new List<string>();
        while (queue.TryDequeue(out var message))
        {
            topics.Add(message.Topic);
        }

        return topics;
    }
}
