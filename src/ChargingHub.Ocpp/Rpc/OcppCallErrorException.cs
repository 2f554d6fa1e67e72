using System.Text.Json;

namespace ChargingHub.Ocpp;

/// <summary>The peer answered one of our CALLs with a CALLERROR.</summary>
public sealed class OcppCallErrorException : Exception
{
    /// <summary>Creates the exception from the fields of the CALLERROR frame.</summary>
    /// <param name="action">The action of our CALL.</param>
    /// <param name="messageId">The message id of our CALL.</param>
    /// <param name="wireErrorCode">The error code exactly as the peer spelled it.</param>
    /// <param name="errorDescription">The peer's description.</param>
    /// <param name="errorDetails">The peer's details object; kept as a detached copy.</param>
    public OcppCallErrorException(string action, string messageId, string wireErrorCode, string errorDescription, JsonElement errorDetails)
        : base(BuildMessage(action, wireErrorCode, errorDescription))
    {
        Action = action;
        MessageId = messageId;
        WireErrorCode = wireErrorCode;
        ErrorCode = RpcErrorCodes.TryParse(wireErrorCode, out var code) ? code : null;
        ErrorDescription = errorDescription;
        ErrorDetails = errorDetails;
    }

    /// <summary>The action of our CALL.</summary>
    public string Action { get; }

    /// <summary>The message id of our CALL.</summary>
    public string MessageId { get; }

    /// <summary>The error code exactly as the peer spelled it.</summary>
    public string WireErrorCode { get; }

    /// <summary>The parsed error code, or null when the peer sent a code neither version defines.</summary>
    public RpcErrorCode? ErrorCode { get; }

    /// <summary>The peer's error description.</summary>
    public string ErrorDescription { get; }

    /// <summary>The peer's error details object.</summary>
    public JsonElement ErrorDetails { get; }

    private static string BuildMessage(string action, string wireErrorCode, string errorDescription) =>
        errorDescription.Length == 0
            ? $"The peer answered {action} with {wireErrorCode}."
            : $"The peer answered {action} with {wireErrorCode}: {errorDescription}";
}
