using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChargingHub.Domain.Reservations;

namespace ChargingHub.Infrastructure.HomeAssistant;

/// <summary>Who holds a reservation, as MQTT may show it: a person's name where the hub knows one, otherwise the token itself.</summary>
/// <param name="DisplayName">The member's display name, else the token's name, else the id token.</param>
/// <param name="IsToken">True when <paramref name="DisplayName"/> is the id token (no name is known).</param>
public sealed record ReservationHolder(string DisplayName, bool IsToken)
{
    public static ReservationHolder Token(string idTag) => new(idTag, IsToken: true);
}

/// <summary>The <c>type</c> values of <c>{base}/events</c>.</summary>
public static class HubEventTypes
{
    public const string ReservationCreated = nameof(ReservationCreated);
    public const string ReservationReplaced = nameof(ReservationReplaced);
    public const string ReservationUsed = nameof(ReservationUsed);
    public const string ReservationExpired = nameof(ReservationExpired);
    public const string ReservationCanceled = nameof(ReservationCanceled);
    public const string ReservationRemoved = nameof(ReservationRemoved);
    public const string ReservationDeclined = nameof(ReservationDeclined);
    public const string ReservationFailed = nameof(ReservationFailed);
    public const string ChargerConnected = nameof(ChargerConnected);
    public const string ChargerDisconnected = nameof(ChargerDisconnected);
    public const string CommandRejected = nameof(CommandRejected);

    /// <summary>The event a reservation's move to <paramref name="status"/> is reported as; null for Pending (not reported).</summary>
    public static string? ForReservation(ReservationStatus status, ReservationStatus? previous) => status switch
    {
        ReservationStatus.Active => previous == ReservationStatus.Active ? ReservationReplaced : ReservationCreated,
        ReservationStatus.Used => ReservationUsed,
        ReservationStatus.Expired => ReservationExpired,
        ReservationStatus.Canceled => ReservationCanceled,
        ReservationStatus.Removed => ReservationRemoved,
        ReservationStatus.Declined => ReservationDeclined,
        ReservationStatus.Failed => ReservationFailed,
        _ => null,
    };
}

/// <summary>One message on <c>{base}/events</c>.</summary>
/// <param name="Command">For <see cref="HubEventTypes.CommandRejected"/>: <c>reserve</c> or <c>cancel</c>.</param>
public sealed record HubEventMessage(
    string Type,
    string ChargerId,
    int? ConnectorId,
    int? ReservationId,
    string? Reason,
    DateTimeOffset At,
    string? Command = null);

/// <summary>The JSON payloads the hub publishes; written straight to UTF-8, since connector changes are the hot path.</summary>
public static class HubPayloads
{
    public static readonly byte[] Online = "online"u8.ToArray();
    public static readonly byte[] Offline = "offline"u8.ToArray();
    public static readonly byte[] True = "true"u8.ToArray();
    public static readonly byte[] False = "false"u8.ToArray();
    public static readonly byte[] Empty = [];

    /// <summary>Instants as the REST API writes them: UTC, to the millisecond, with <c>Z</c>.</summary>
    public static string FormatInstant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static byte[] Text(string value) => Encoding.UTF8.GetBytes(value);

    public static byte[] Bool(bool value) => value ? True : False;

    /// <summary>
    /// The reservation object of the REST API, with <c>reservedFor</c> added. For privacy the id token (and its
    /// group token) appear only when the hub knows no name for the holder.
    /// </summary>
    public static byte[] Reservation(ReservationView r, ReservationHolder? holder) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("reservationId", r.ReservationId);
        json.WriteString("chargerId", r.ChargerId);
        json.WriteNumber("connectorId", r.ConnectorId);
        if (r.ConnectorType is not null)
        {
            json.WriteString("connectorType", r.ConnectorType);
        }

        if (holder is not null)
        {
            json.WriteString("reservedFor", holder.DisplayName);
        }

        if (holder is { IsToken: true })
        {
            json.WriteString("idTag", r.IdTag);
            if (r.ParentIdTag is not null)
            {
                json.WriteString("parentIdTag", r.ParentIdTag);
            }
        }

        if (r.IdTokenType != "Central")
        {
            json.WriteString("idTokenType", r.IdTokenType);
        }

        json.WriteString("expiryDate", FormatInstant(r.ExpiresAt));
        json.WriteString("status", r.Status.ToString());
        if (r.Reason is not null)
        {
            json.WriteString("reason", r.Reason);
        }

        json.WriteString("enforcedBy", r.EnforcedByHub ? "hub" : "charger");
        json.WriteString("createdAt", FormatInstant(r.CreatedAt));
        json.WriteString("updatedAt", FormatInstant(r.UpdatedAt));
        json.WriteEndObject();
    });

    public static byte[] Event(HubEventMessage e) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("type", e.Type);
        json.WriteString("chargerId", e.ChargerId);
        if (e.ConnectorId is { } connectorId)
        {
            json.WriteNumber("connectorId", connectorId);
        }

        if (e.ReservationId is { } reservationId)
        {
            json.WriteNumber("reservationId", reservationId);
        }

        if (e.Command is not null)
        {
            json.WriteString("command", e.Command);
        }

        if (e.Reason is not null)
        {
            json.WriteString("reason", e.Reason);
        }

        json.WriteString("at", FormatInstant(e.At));
        json.WriteEndObject();
    });

    // Names with umlauts stay readable for people looking at the broker; nothing here ends up in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(json);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
