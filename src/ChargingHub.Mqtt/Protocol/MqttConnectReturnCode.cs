namespace ChargingHub.Mqtt.Protocol;

/// <summary>CONNACK return codes (section 3.2.2.3); 6..255 are reserved and kept as their number.</summary>
internal enum MqttConnectReturnCode : byte
{
    Accepted = 0,
    UnacceptableProtocolVersion = 1,
    IdentifierRejected = 2,
    ServerUnavailable = 3,
    BadUserNameOrPassword = 4,
    NotAuthorized = 5,
}

internal static class MqttConnectReturnCodeExtensions
{
    /// <summary>A sentence an operator can act on, for the log.</summary>
    public static string Describe(this MqttConnectReturnCode code) => code switch
    {
        MqttConnectReturnCode.Accepted => "connection accepted",
        MqttConnectReturnCode.UnacceptableProtocolVersion => "the broker does not support MQTT 3.1.1",
        MqttConnectReturnCode.IdentifierRejected => "the broker rejected the client id",
        MqttConnectReturnCode.ServerUnavailable => "the broker is unavailable",
        MqttConnectReturnCode.BadUserNameOrPassword => "bad user name or password",
        MqttConnectReturnCode.NotAuthorized => "not authorized (check user name, password and the broker's ACL)",
        _ => $"unknown return code {(byte)code}",
    };
}
