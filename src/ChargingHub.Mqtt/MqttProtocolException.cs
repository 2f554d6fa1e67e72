namespace ChargingHub.Mqtt;

/// <summary>
/// Bytes from the peer violate MQTT 3.1.1. The client drops such a connection and reconnects;
/// the exception only surfaces in logs and in direct use of the codec.
/// </summary>
public sealed class MqttProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MqttProtocolException(MqttProtocolError error, string message)
        : base(message) => Error = error;

    /// <summary>Creates the exception with the exception that revealed the problem.</summary>
    public MqttProtocolException(MqttProtocolError error, string message, Exception innerException)
        : base(message, innerException) => Error = error;

    /// <summary>The kind of violation.</summary>
    public MqttProtocolError Error { get; }
}
