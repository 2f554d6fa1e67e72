namespace ChargingHub.Ocpp;

/// <summary>
/// The CALLERROR codes of OCPP-J 1.6 and 2.0.1, version-neutral. Use
/// <see cref="RpcErrorCodes.ToWire"/> for the spelling a version puts on the wire.
/// </summary>
public enum RpcErrorCode
{
    /// <summary>The requested action is not known by the receiver.</summary>
    NotImplemented,

    /// <summary>The requested action is recognized but not supported by the receiver.</summary>
    NotSupported,

    /// <summary>An internal error occurred and the receiver could not process the action.</summary>
    InternalError,

    /// <summary>The payload for the action is incomplete.</summary>
    ProtocolError,

    /// <summary>A security issue prevented the receiver from completing the action.</summary>
    SecurityError,

    /// <summary>The payload is syntactically incorrect or does not conform to the action's PDU structure (1.6 wire name <c>FormationViolation</c>).</summary>
    FormatViolation,

    /// <summary>The payload is syntactically correct but at least one field contains an invalid value.</summary>
    PropertyConstraintViolation,

    /// <summary>The payload is syntactically correct but at least one field violates occurrence constraints (1.6 wire name <c>OccurenceConstraintViolation</c>).</summary>
    OccurrenceConstraintViolation,

    /// <summary>The payload is syntactically correct but at least one field violates data type constraints.</summary>
    TypeConstraintViolation,

    /// <summary>Any other error.</summary>
    GenericError,

    /// <summary>The frame is not a valid RPC message, e.g. its message id cannot be read (2.0.1 only).</summary>
    RpcFrameworkError,

    /// <summary>The frame's message type number is not supported (2.0.1 only).</summary>
    MessageTypeNotSupported,
}
