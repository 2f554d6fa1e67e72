using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Unicode;

namespace ChargingHub.Ocpp;

/// <summary>Parses OCPP-J frames from UTF-8 bytes.</summary>
public static class RpcFrameParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    /// <summary>
    /// Parses one frame. On success the frame references <paramref name="utf8Frame"/> without
    /// copying it: the bytes must stay unchanged until the frame is disposed.
    /// </summary>
    /// <param name="utf8Frame">The complete text of one WebSocket message.</param>
    /// <param name="frame">The parsed frame; the caller disposes it.</param>
    /// <param name="error">When parsing fails, why, and the message id to answer with.</param>
    public static bool TryParse(ReadOnlyMemory<byte> utf8Frame, [NotNullWhen(true)] out RpcFrame? frame, out RpcFrameError error)
    {
        frame = null;

        // System.Text.Json checks UTF-8 only when a string is read, which would turn a bad byte in a
        // payload into a failure deep inside a handler; checking the whole frame up front is cheap.
        if (!Utf8.IsValid(utf8Frame.Span))
        {
            var id = TryRecoverMessageId(utf8Frame.Span, out var typeNumber);
            error = new RpcFrameError(RpcErrorCode.RpcFrameworkError, id, typeNumber, "The frame is not valid UTF-8.");
            return false;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Frame, DocumentOptions);
        }
        catch (JsonException)
        {
            // A truncated or otherwise broken frame may still start with a readable id; answering
            // with it lets the peer fail the right request instead of waiting for a timeout.
            var id = TryRecoverMessageId(utf8Frame.Span, out var typeNumber);
            error = new RpcFrameError(RpcErrorCode.RpcFrameworkError, id, typeNumber, "The frame is not valid JSON.");
            return false;
        }

        var keep = false;
        try
        {
            keep = TryReadFrame(document, out frame, out error);
            return keep;
        }
        finally
        {
            if (!keep)
            {
                document.Dispose();
            }
        }
    }

    private static bool TryReadFrame(JsonDocument document, [NotNullWhen(true)] out RpcFrame? frame, out RpcFrameError error)
    {
        frame = null;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            error = new RpcFrameError(RpcErrorCode.RpcFrameworkError, null, null, "The frame is not a JSON array.");
            return false;
        }

        // One pass over the array: indexing a JsonElement array walks it from the start each time.
        JsonElement e0 = default, e1 = default, e2 = default, e3 = default, e4 = default;
        var length = 0;
        foreach (var element in root.EnumerateArray())
        {
            switch (length++)
            {
                case 0: e0 = element; break;
                case 1: e1 = element; break;
                case 2: e2 = element; break;
                case 3: e3 = element; break;
                case 4: e4 = element; break;
            }
        }

        var id = length >= 2 && e1.ValueKind == JsonValueKind.String ? e1.GetString() : null;
        if (length == 0 || e0.ValueKind != JsonValueKind.Number || !e0.TryGetInt32(out var type))
        {
            error = new RpcFrameError(RpcErrorCode.RpcFrameworkError, id, null, "The message type is not an integer.");
            return false;
        }

        if (id is null)
        {
            error = new RpcFrameError(RpcErrorCode.RpcFrameworkError, null, type, "The message id is missing or not a string.");
            return false;
        }

        switch ((RpcMessageType)type)
        {
            case RpcMessageType.Call:
                if (length != 4)
                {
                    return Fail(RpcErrorCode.RpcFrameworkError, id, type, "A CALL must have 4 elements.", out error);
                }

                if (e2.ValueKind != JsonValueKind.String)
                {
                    return Fail(RpcErrorCode.RpcFrameworkError, id, type, "The action is not a string.", out error);
                }

                if (e3.ValueKind != JsonValueKind.Object)
                {
                    return Fail(RpcErrorCode.FormatViolation, id, type, "The payload is not a JSON object.", out error);
                }

                frame = new RpcCall(id, e2.GetString()!, e3, document);
                break;

            case RpcMessageType.CallResult:
                if (length != 3)
                {
                    return Fail(RpcErrorCode.RpcFrameworkError, id, type, "A CALLRESULT must have 3 elements.", out error);
                }

                if (e2.ValueKind != JsonValueKind.Object)
                {
                    return Fail(RpcErrorCode.FormatViolation, id, type, "The payload is not a JSON object.", out error);
                }

                frame = new RpcCallResult(id, e2, document);
                break;

            case RpcMessageType.CallError:
                if (length != 5)
                {
                    return Fail(RpcErrorCode.RpcFrameworkError, id, type, "A CALLERROR must have 5 elements.", out error);
                }

                if (e2.ValueKind != JsonValueKind.String || e3.ValueKind != JsonValueKind.String)
                {
                    return Fail(RpcErrorCode.RpcFrameworkError, id, type, "The error code and description must be strings.", out error);
                }

                if (e4.ValueKind != JsonValueKind.Object)
                {
                    return Fail(RpcErrorCode.FormatViolation, id, type, "The error details are not a JSON object.", out error);
                }

                frame = new RpcCallError(id, e2.GetString()!, e3.GetString()!, e4, document);
                break;

            default:
                return Fail(RpcErrorCode.MessageTypeNotSupported, id, type, "The message type is not supported.", out error);
        }

        error = default;
        return true;
    }

    private static bool Fail(RpcErrorCode code, string id, int type, string reason, out RpcFrameError error)
    {
        error = new RpcFrameError(code, id, type, reason);
        return false;
    }

    private static string? TryRecoverMessageId(ReadOnlySpan<byte> utf8, out int? typeNumber)
    {
        typeNumber = null;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var type))
            {
                return null;
            }

            typeNumber = type;
            return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
