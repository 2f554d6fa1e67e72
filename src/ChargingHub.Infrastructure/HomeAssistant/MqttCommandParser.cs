using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace ChargingHub.Infrastructure.HomeAssistant;

/// <summary>A command received over MQTT, checked for form; the domain checks the rest, as for the UI and the API.</summary>
public abstract record MqttCommand(MqttCommandKind Kind, string ChargerId, int ConnectorId)
{
    /// <summary><c>reserve</c> or <c>cancel</c>, as events name it.</summary>
    public string Name => Kind.ToCommandName();
}

/// <summary><c>…/reserve/set</c>: reserve connector <see cref="MqttCommand.ConnectorId"/> (0: any) for <paramref name="IdTag"/> until <paramref name="ExpiresAt"/>.</summary>
public sealed record MqttReserveCommand(string ChargerId, int ConnectorId, string IdTag, DateTimeOffset ExpiresAt)
    : MqttCommand(MqttCommandKind.Reserve, ChargerId, ConnectorId);

/// <summary><c>…/cancel/set</c>: cancel the Active reservation on connector <see cref="MqttCommand.ConnectorId"/>.</summary>
public sealed record MqttCancelCommand(string ChargerId, int ConnectorId)
    : MqttCommand(MqttCommandKind.Cancel, ChargerId, ConnectorId);

/// <summary>Why a command was refused, with as much of its target as could be read.</summary>
public sealed record MqttCommandRejection(MqttCommandKind Kind, string ChargerId, int? ConnectorId, string Reason);

public static class MqttCommandKinds
{
    public static string ToCommandName(this MqttCommandKind kind) => kind == MqttCommandKind.Reserve ? "reserve" : "cancel";
}

/// <summary>
/// Reads command topics and payloads. Reserve takes a JSON object <c>{ "idTag", "minutes" }</c> (whole minutes, 1 to
/// the longest reservation) or <c>{ "idTag", "expiryDate" }</c> (ISO 8601 with an offset or Z), never both; other
/// properties are ignored. Cancel takes any payload. Nothing here throws on any input.
/// </summary>
public sealed class MqttCommandParser(HubTopics topics, TimeSpan maxDuration)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    private int MaxMinutes => (int)Math.Min(int.MaxValue, Math.Floor(maxDuration.TotalMinutes));

    /// <summary>Parses a message on a command topic. False (with the reason) when the topic or payload is not a usable command.</summary>
    public bool TryParse(string topic, ReadOnlySpan<byte> payload, DateTimeOffset now,
        [NotNullWhen(true)] out MqttCommand? command, [NotNullWhen(false)] out MqttCommandRejection? rejection)
    {
        command = null;
        rejection = null;
        if (!topics.TryParseCommand(topic, out var target))
        {
            // Only reachable with a subscription the hub did not make; reported against the raw topic.
            rejection = new MqttCommandRejection(MqttCommandKind.Reserve, "", null, $"'{topic}' is not a command topic.");
            return false;
        }

        if (!TryParseConnector(target.Connector, out var connectorId))
        {
            rejection = new MqttCommandRejection(target.Kind, target.ChargerId, null,
                $"The connector '{target.Connector}' in the topic is not a connector number (0 for any connector).");
            return false;
        }

        if (target.Kind == MqttCommandKind.Cancel)
        {
            command = new MqttCancelCommand(target.ChargerId, connectorId);
            return true;
        }

        var error = TryReadReserve(payload, now, out var idTag, out var expiresAt);
        if (error is not null)
        {
            rejection = new MqttCommandRejection(MqttCommandKind.Reserve, target.ChargerId, connectorId, error);
            return false;
        }

        command = new MqttReserveCommand(target.ChargerId, connectorId, idTag!, expiresAt);
        return true;
    }

    /// <summary>A plain non-negative number without sign, spaces or leading zeros.</summary>
    private static bool TryParseConnector(string text, out int connectorId)
    {
        connectorId = 0;
        return text.Length is > 0 and <= 9
            && (text == "0" || text[0] != '0')
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out connectorId);
    }

    private string? TryReadReserve(ReadOnlySpan<byte> payload, DateTimeOffset now, out string? idTag, out DateTimeOffset expiresAt)
    {
        idTag = null;
        expiresAt = default;
        var expected = $"Expected JSON {{\"idTag\": \"…\", \"minutes\": 1..{MaxMinutes}}} or {{\"idTag\": \"…\", \"expiryDate\": \"ISO 8601 with offset\"}}.";
        if (payload.IsEmpty)
        {
            return "The payload is empty. " + expected;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload.ToArray(), DocumentOptions);
        }
        catch (JsonException ex)
        {
            return $"The payload is not valid JSON ({ex.Message}). {expected}";
        }
        catch (ArgumentException ex)
        {
            // Invalid UTF-8 can surface as an ArgumentException from the reader.
            return $"The payload is not valid UTF-8 JSON ({ex.Message}). {expected}";
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "The payload must be a JSON object. " + expected;
            }

            if (!root.TryGetProperty("idTag", out var tag) || tag.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(tag.GetString()))
            {
                return "idTag is required and must be a non-empty string.";
            }

            var hasMinutes = root.TryGetProperty("minutes", out var minutes) && minutes.ValueKind != JsonValueKind.Null;
            var hasExpiry = root.TryGetProperty("expiryDate", out var expiry) && expiry.ValueKind != JsonValueKind.Null;
            if (hasMinutes && hasExpiry)
            {
                return "Give either minutes or expiryDate, not both.";
            }

            if (!hasMinutes && !hasExpiry)
            {
                return "Give minutes or expiryDate. " + expected;
            }

            if (hasMinutes)
            {
                if (minutes.ValueKind != JsonValueKind.Number || !minutes.TryGetInt32(out var count) || count < 1 || count > MaxMinutes)
                {
                    return $"minutes must be a whole number from 1 to {MaxMinutes}.";
                }

                expiresAt = now.AddMinutes(count);
            }
            else if (expiry.ValueKind != JsonValueKind.String || !TryParseInstant(expiry.GetString()!, out expiresAt))
            {
                return "expiryDate must be an ISO 8601 date and time with an offset or Z, e.g. 2030-01-01T18:00:00+01:00.";
            }

            idTag = tag.GetString();
            return null;
        }
    }

    /// <summary>An instant that states its offset; a local time without one is refused, since the hub could only guess the zone.</summary>
    private static bool TryParseInstant(string text, out DateTimeOffset value)
    {
        value = default;
        var t = text.IndexOf('T', StringComparison.Ordinal);
        if (t <= 0)
        {
            return false;
        }

        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > t;
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }
}
