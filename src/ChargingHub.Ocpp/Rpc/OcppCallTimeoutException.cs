namespace ChargingHub.Ocpp;

/// <summary>The peer did not answer one of our CALLs within the call timeout.</summary>
public sealed class OcppCallTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public OcppCallTimeoutException(string action, string messageId, TimeSpan timeout)
        : base($"The peer did not answer {action} (message id {messageId}) within {timeout.TotalSeconds:0.###} s.")
    {
        Action = action;
        MessageId = messageId;
        Timeout = timeout;
    }

    /// <summary>The action of the unanswered CALL.</summary>
    public string Action { get; }

    /// <summary>The message id of the unanswered CALL.</summary>
    public string MessageId { get; }

    /// <summary>How long the connection waited.</summary>
    public TimeSpan Timeout { get; }
}
