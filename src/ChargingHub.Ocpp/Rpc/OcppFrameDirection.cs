namespace ChargingHub.Ocpp;

/// <summary>Whether a frame came from the peer or went to it.</summary>
public enum OcppFrameDirection
{
    /// <summary>The peer sent the frame.</summary>
    Received,

    /// <summary>This side sent the frame.</summary>
    Sent,
}

/// <summary>
/// Sees every text frame a connection receives or sends, e.g. to keep a log of recent
/// traffic per charger. Called synchronously on the connection's hot path: copy what you need
/// and return quickly. The span is only valid during the call. Exceptions are logged and ignored.
/// </summary>
public interface IOcppFrameObserver
{
    /// <summary>Called once per frame, received frames before they are parsed (so malformed ones too).</summary>
    void OnFrame(OcppFrameDirection direction, ReadOnlySpan<byte> utf8Frame);
}
