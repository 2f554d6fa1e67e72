namespace ChargingHub.Ocpp;

/// <summary>The message type number that opens every OCPP-J frame.</summary>
public enum RpcMessageType
{
    /// <summary><c>[2, messageId, action, payload]</c>: a request.</summary>
    Call = 2,

    /// <summary><c>[3, messageId, payload]</c>: the successful answer to a CALL.</summary>
    CallResult = 3,

    /// <summary><c>[4, messageId, errorCode, errorDescription, errorDetails]</c>: the failed answer to a CALL.</summary>
    CallError = 4,
}
