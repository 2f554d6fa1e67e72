using ChargingHub.Mqtt.Protocol;

namespace ChargingHub.Mqtt.Client;

/// <summary>The broker answered CONNECT with a non-zero return code.</summary>
internal sealed class MqttConnectionRefusedException(MqttConnectReturnCode returnCode)
    : Exception($"The broker refused the connection: {returnCode.Describe()}.")
{
    public MqttConnectReturnCode ReturnCode { get; } = returnCode;
}
