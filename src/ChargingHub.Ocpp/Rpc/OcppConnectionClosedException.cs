namespace ChargingHub.Ocpp;

/// <summary>The connection closed before (or while) a CALL could be answered.</summary>
public sealed class OcppConnectionClosedException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public OcppConnectionClosedException()
        : base("The OCPP connection is closed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public OcppConnectionClosedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the failure that closed the connection.</summary>
    public OcppConnectionClosedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
