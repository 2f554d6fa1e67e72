namespace ChargingHub.Ocpp;

/// <summary>
/// An OCPP-level failure with an RPC error code. Thrown by an <see cref="IOcppCallHandler"/>, it
/// makes the connection answer the CALL with a CALLERROR carrying <see cref="Code"/> and
/// <see cref="Description"/>. The connection also throws it to a caller whose outgoing request
/// or incoming response breaks the action's schema.
/// </summary>
public class OcppException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The error code the CALLERROR carries.</param>
    /// <param name="description">A short, human-readable description; it goes on the wire, so keep secrets out of it.</param>
    public OcppException(RpcErrorCode code, string description)
        : base(description)
    {
        Code = code;
        Description = description;
    }

    /// <summary>Creates the exception with the failure that caused it.</summary>
    public OcppException(RpcErrorCode code, string description, Exception? innerException)
        : base(description, innerException)
    {
        Code = code;
        Description = description;
    }

    /// <summary>The error code.</summary>
    public RpcErrorCode Code { get; }

    /// <summary>The error description sent on the wire.</summary>
    public string Description { get; }
}
