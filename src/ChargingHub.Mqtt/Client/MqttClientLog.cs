using Microsoft.Extensions.Logging;

namespace ChargingHub.Mqtt.Client;

/// <summary>The client's log messages, source-generated so that disabled levels cost nothing.</summary>
internal static partial class MqttClientLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Connecting to MQTT broker {Host}:{Port}")]
    public static partial void Connecting(this ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to MQTT broker {Host}:{Port} as {ClientId} (session present: {SessionPresent})")]
    public static partial void Connected(this ILogger logger, string host, int port, string clientId, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker {Host}:{Port} refused the connection with return code {ReturnCode}: {Reason}")]
    public static partial void ConnectionRefused(this ILogger logger, string host, int port, int returnCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection to {Host}:{Port} failed or was lost: {Reason}")]
    public static partial void ConnectionLost(this ILogger logger, string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker {Host}:{Port} violated the protocol ({ProtocolError}); dropping the connection")]
    public static partial void ProtocolViolation(this ILogger logger, string host, int port, MqttProtocolError protocolError, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected error in the MQTT connection to {Host}:{Port}")]
    public static partial void UnexpectedError(this ILogger logger, string host, int port, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reconnecting to the MQTT broker in {Delay}")]
    public static partial void Reconnecting(this ILogger logger, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Disconnected from MQTT broker {Host}:{Port}")]
    public static partial void Disconnected(this ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping with {UnacknowledgedCount} QoS 1 messages the MQTT broker has not acknowledged")]
    public static partial void StoppingWithUnacknowledged(this ILogger logger, int unacknowledgedCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT outgoing queue full ({QueueCapacity}): dropped {DroppedCount} messages since the last report, {TotalDropped} in all")]
    public static partial void OutgoingDropped(this ILogger logger, int queueCapacity, long droppedCount, long totalDropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT incoming queue full ({QueueCapacity}): dropped {DroppedCount} messages nobody read since the last report, {TotalDropped} in all")]
    public static partial void IncomingDropped(this ILogger logger, int queueCapacity, long droppedCount, long totalDropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not publishing to {Topic}: {Size} bytes exceed the maximum packet size of {MaxPacketSize}")]
    public static partial void PublishTooLarge(this ILogger logger, string topic, long size, int maxPacketSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker refused the subscription to {TopicFilter}")]
    public static partial void SubscriptionRefused(this ILogger logger, string topicFilter);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Request} for {TopicFilter} interrupted ({Reason}); it is repeated on the next connection")]
    public static partial void RequestInterrupted(this ILogger logger, string request, string topicFilter, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT broker acknowledged unknown packet {PacketId} with {PacketType}")]
    public static partial void UnknownPacketId(this ILogger logger, ushort packetId, string packetType);

    [LoggerMessage(Level = LogLevel.Error, Message = "A ConnectionChanged handler threw")]
    public static partial void ConnectionChangedHandlerFailed(this ILogger logger, Exception exception);
}
