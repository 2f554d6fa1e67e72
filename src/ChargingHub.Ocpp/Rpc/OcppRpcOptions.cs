namespace ChargingHub.Ocpp;

/// <summary>Settings of one <see cref="OcppRpcConnection"/>.</summary>
public sealed class OcppRpcOptions
{
    private OcppSchemaValidator? _validator;

    /// <summary>How long an outgoing CALL waits for its answer, counted from the moment it is sent. Default 15 s.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How many bad frames in a row (with no valid frame in between) the connection answers
    /// before it closes the socket with 1002 (protocol error): the frame that makes the count
    /// reach this value is answered, then the close follows. Default 10; at least 1.
    /// </summary>
    public int MaxBadFrames { get; set; } = 10;

    /// <summary>Validate incoming CALL payloads and CALLRESULT payloads against the schemas. Default true.</summary>
    public bool ValidateIncoming { get; set; } = true;

    /// <summary>Validate our own CALL and CALLRESULT payloads before sending them. Default true.</summary>
    public bool ValidateOutgoing { get; set; } = true;

    /// <summary>The largest message accepted; a larger one closes the socket with 1009 (message too big). Default 1 MiB.</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>The schema validator. Default <see cref="OcppSchemaValidator.Default"/>.</summary>
    public OcppSchemaValidator Validator
    {
        get => _validator ?? OcppSchemaValidator.Default;
        set => _validator = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Sees every frame received and sent; null for none.</summary>
    public IOcppFrameObserver? Observer { get; set; }
}
