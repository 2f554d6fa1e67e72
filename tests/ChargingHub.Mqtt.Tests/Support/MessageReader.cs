namespace ChargingHub.Mqtt.Tests.Support;

public static class MessageReader
{
    /// <summary>Reads messages until one on <paramref name="topic"/> arrives (others are skipped).</summary>
    public static async Task<MqttApplicationMessage> NextOnAsync(this MqttClient client, string topic, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Eventually.DefaultTimeout);
        try
        {
            while (true)
            {
                var message = await client.Messages.ReadAsync(cts.Token);
                if (message.Topic == topic)
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No message on {topic}.");
        }
    }

    /// <summary>Collects what arrives within <paramref name="window"/>.</summary>
    public static async Task<List<MqttApplicationMessage>> DrainAsync(this MqttClient client, TimeSpan window)
    {
        var messages = new List<MqttApplicationMessage>();
        using var cts = new CancellationTokenSource(window);
        try
        {
            while (true)
            {
                messages.Add(await client.Messages.ReadAsync(cts.Token));
            }
        }
        catch (OperationCanceledException)
        {
            return messages;
        }
    }
}
