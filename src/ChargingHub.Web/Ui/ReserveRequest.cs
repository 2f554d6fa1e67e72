using System.Globalization;
using ChargingHub.Domain;
using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Reservations;
using ChargingHub.Domain.Tokens;

namespace ChargingHub.Web.Ui;

/// <summary>One choice of a select: what is posted and what is shown.</summary>
public sealed record FormOption(string Value, string Text);

/// <summary>The reserve form as posted. Field names double as the keys of its validation messages.</summary>
public sealed class ReserveForm
{
    public string? Charger { get; set; }

    /// <summary>A connector number, "0" for any connector, or "type:&lt;ConnectorEnumType&gt;" for any of a type (2.0.1).</summary>
    public string? Connector { get; set; }

    public string? Token { get; set; }

    /// <summary>Minutes ("15", "30", "60", "120"), or "end" to use <see cref="EndTime"/>.</summary>
    public string? Duration { get; set; } = "30";

    /// <summary>A datetime-local value (the browser's wall clock), e.g. 2025-06-01T18:45.</summary>
    public string? EndTime { get; set; }

    /// <summary>Minutes east of UTC at <see cref="EndTime"/>, filled by app.js; empty (UTC) without scripts.</summary>
    public string? TimeZoneOffset { get; set; }
}

/// <summary>What the page says after a submit.</summary>
public sealed record ReserveOutcome(bool Success, string Message, DateTimeOffset? Until = null);

/// <summary>Turns the reserve form into a <see cref="ReserveCommand"/>, or into messages next to its fields.</summary>
public static class ReserveRequest
{
    public const string AnyConnector = "0";
    public const string TypePrefix = "type:";
    public const string UseEndTime = "end";

    public static IReadOnlyList<FormOption> Durations { get; } =
    [
        new("15", "15 min"),
        new("30", "30 min"),
        new("60", "1 hour"),
        new("120", "2 hours"),
        new(UseEndTime, "Until the end time below"),
    ];

    public static IReadOnlyList<FormOption> ConnectorOptions(Charger charger, bool online)
    {
        var connectors = charger.Connectors.Where(c => c.ConnectorId > 0).OrderBy(c => c.ConnectorId).ToList();
        var options = connectors
            .Select(c =>
            {
                var type = StatusWords.ConnectorType(c.ConnectorType);
                var (status, _) = StatusWords.Connector(c.Status, online, reservedByHub: false);
                var number = c.ConnectorId.ToString(CultureInfo.InvariantCulture);
                return new FormOption(number, $"Connector {number}{(type.Length > 0 ? $" · {type}" : "")} ({status})");
            })
            .ToList();
        if (charger.AnyConnectorReservations != false && connectors.Count > 1)
        {
            options.Add(new FormOption(AnyConnector, "Any connector"));
        }

        if (charger.Protocol == ChargerProtocol.Ocpp201 && charger.AnyConnectorReservations != false)
        {
            foreach (var type in connectors.Select(c => c.ConnectorType).OfType<string>().Where(ConnectorTypes.IsKnown).Distinct(StringComparer.Ordinal))
            {
                options.Add(new FormOption(TypePrefix + type, $"Any {StatusWords.ConnectorType(type)} connector"));
            }
        }

        return options;
    }

    public static IReadOnlyList<FormOption> TokenOptions(IReadOnlyList<IdToken> tokens, People people, HubUser user) =>
        tokens.Select(t =>
        {
            var text = string.IsNullOrWhiteSpace(t.Name) ? t.IdTag : $"{t.Name} ({t.IdTag})";
            if (user.IsAdmin && t.MemberId != user.MemberId)
            {
                text += t.MemberId is { } owner && people.Member(owner) is { } member ? $" · {HubUser.NameOf(member)}" : " · no member";
            }

            return new FormOption(t.IdTag, text);
        }).ToList();

    /// <summary>
    /// The command, or null with <paramref name="errors"/> (field name → message). An end time, when given, wins over
    /// the duration: that is what a person who typed one means.
    /// </summary>
    /// <param name="anyTag">An admin may name an id tag the hub does not know (the REST API allows it too).</param>
    public static ReserveCommand? TryBuild(ReserveForm form, Charger charger, IReadOnlyList<FormOption> connectors,
        IReadOnlyList<IdToken> tokens, DateTimeOffset now, TimeSpan maxDuration, Dictionary<string, string> errors, bool anyTag = false)
    {
        int? connectorId = null;
        string? connectorType = null;
        if (form.Connector is null || !connectors.Any(o => o.Value == form.Connector))
        {
            errors[nameof(ReserveForm.Connector)] = "Choose a connector.";
        }
        else if (form.Connector.StartsWith(TypePrefix, StringComparison.Ordinal))
        {
            connectorType = form.Connector[TypePrefix.Length..];
        }
        else
        {
            connectorId = int.Parse(form.Connector, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        var idTag = tokens.FirstOrDefault(t => string.Equals(t.IdTag, form.Token, StringComparison.OrdinalIgnoreCase))?.IdTag;
        if (idTag is null && anyTag && !string.IsNullOrWhiteSpace(form.Token))
        {
            idTag = form.Token.Trim();
        }

        if (idTag is null)
        {
            errors[nameof(ReserveForm.Token)] = anyTag ? "Enter the id tag to reserve for." : "Choose one of your tokens.";
        }

        var expiresAt = ExpiryOf(form, now, maxDuration, errors);
        if (errors.Count > 0 || idTag is null || expiresAt is null)
        {
            return null;
        }

        return new ReserveCommand(charger.Id, connectorId, connectorType, expiresAt.Value, idTag);
    }

    /// <summary>Which form field a validation error of the domain belongs to.</summary>
    public static string? FieldOf(HubException error, ReserveForm form) => error.Field switch
    {
        "expiryDate" => UsesEndTime(form) ? nameof(ReserveForm.EndTime) : nameof(ReserveForm.Duration),
        "idTag" or "parentIdTag" or "idTokenType" => nameof(ReserveForm.Token),
        "connectorId" or "connectorType" => nameof(ReserveForm.Connector),
        _ => null,
    };

    public static bool UsesEndTime(ReserveForm form) => !string.IsNullOrWhiteSpace(form.EndTime) || form.Duration == UseEndTime;

    private static DateTimeOffset? ExpiryOf(ReserveForm form, DateTimeOffset now, TimeSpan maxDuration, Dictionary<string, string> errors)
    {
        string field;
        DateTimeOffset expiresAt;
        if (UsesEndTime(form))
        {
            field = nameof(ReserveForm.EndTime);
            if (string.IsNullOrWhiteSpace(form.EndTime))
            {
                errors[field] = "Enter an end time, or choose a duration.";
                return null;
            }

            if (!DateTime.TryParseExact(form.EndTime.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFF"],
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                errors[field] = "Enter the end time as a date and time, e.g. 2025-06-01 18:45.";
                return null;
            }

            var offsetMinutes = int.TryParse(form.TimeZoneOffset, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var m) ? m : 0;
            if (offsetMinutes is < -14 * 60 or > 14 * 60)
            {
                offsetMinutes = 0;
            }

            expiresAt = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.FromMinutes(offsetMinutes));
        }
        else
        {
            field = nameof(ReserveForm.Duration);
            if (!int.TryParse(form.Duration, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
                || !Durations.Any(d => d.Value == form.Duration))
            {
                errors[field] = "Choose a duration.";
                return null;
            }

            expiresAt = now.AddMinutes(minutes);
        }

        if (expiresAt <= now)
        {
            errors[field] = "The end time must be in the future.";
            return null;
        }

        if (expiresAt - now > maxDuration)
        {
            errors[field] = $"A reservation can last at most {Describe(maxDuration)}.";
            return null;
        }

        return expiresAt;
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 && span.Minutes == 0 && span.Seconds == 0
            ? $"{span.TotalHours:0} hours"
            : $"{span.TotalMinutes:0} minutes";
}
