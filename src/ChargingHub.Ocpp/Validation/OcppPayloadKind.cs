namespace ChargingHub.Ocpp;

/// <summary>Which of an action's two payloads a schema describes.</summary>
public enum OcppPayloadKind
{
    /// <summary>The CALL payload.</summary>
    Request,

    /// <summary>The CALLRESULT payload.</summary>
    Response,
}
