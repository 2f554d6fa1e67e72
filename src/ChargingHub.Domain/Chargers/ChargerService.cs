using System.Collections.Concurrent;
using ChargingHub.Domain.Events;
using ChargingHub.Domain.Ports;
using ChargingHub.Domain.Reservations;
using Microsoft.Extensions.Options;

namespace ChargingHub.Domain.Chargers;

/// <summary>Registration, boot and connector state of chargers.</summary>
public sealed class ChargerService(
    IChargerStore store,
    ReservationService reservations,
    IHubEventSink events,
    IOptions<ChargerPolicyOptions> options,
    TimeProvider time)
{
    /// <summary>How often a charger's last-seen time is written: heartbeats must not each cost a database write.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);

    /// <summary>
    /// The charger a connecting identity stands for, created per the unknown-charger policy; null when the
    /// policy refuses unknown chargers.
    /// </summary>
    public async Task<Charger?> AdmitAsync(string chargerId, CancellationToken ct)
    {
        var charger = await store.GetAsync(chargerId, ct).ConfigureAwait(false);
        if (charger is not null)
        {
            return charger;
        }

        var policy = options.Value.UnknownChargers;
        if (policy == UnknownChargerPolicy.Reject)
        {
            return null;
        }

        charger = new Charger
        {
            Id = chargerId,
            CreatedAt = time.GetUtcNow(),
            Registration = policy == UnknownChargerPolicy.Accept ? RegistrationStatus.Accepted : RegistrationStatus.Pending,
        };
        await store.AddAsync(charger, ct).ConfigureAwait(false);
        events.Publish(new ChargerChanged(chargerId, time.GetUtcNow()));
        return charger;
    }

    public async Task OnConnectedAsync(string chargerId, ChargerProtocol protocol, CancellationToken ct)
    {
        var charger = await RequireAsync(chargerId, ct).ConfigureAwait(false);
        charger.Protocol = protocol;
        charger.LastSeen = time.GetUtcNow();
        _lastSeen[chargerId] = charger.LastSeen.Value;
        await store.UpdateAsync(charger, ct).ConfigureAwait(false);
        events.Publish(new ChargerConnectionChanged(chargerId, true, time.GetUtcNow()));
    }

    public async Task OnDisconnectedAsync(string chargerId, CancellationToken ct)
    {
        var charger = await store.GetAsync(chargerId, ct).ConfigureAwait(false);
        if (charger is not null)
        {
            charger.LastSeen = _lastSeen.TryRemove(chargerId, out var seen) ? seen : time.GetUtcNow();
            await store.UpdateAsync(charger, ct).ConfigureAwait(false);
        }

        events.Publish(new ChargerConnectionChanged(chargerId, false, time.GetUtcNow()));
    }

    /// <summary>Records that the charger said something; persisted at most once per <see cref="LastSeenResolution"/>.</summary>
    public async ValueTask SeenAsync(string chargerId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var previous = _lastSeen.GetValueOrDefault(chargerId);
        _lastSeen[chargerId] = now;
        if (now - previous < LastSeenResolution)
        {
            return;
        }

        await store.SaveLastSeenAsync(chargerId, now, ct).ConfigureAwait(false);
    }

    /// <summary>The last time the charger said something (in memory, fresher than the stored value).</summary>
    public DateTimeOffset? LastSeen(Charger charger) =>
        _lastSeen.TryGetValue(charger.Id, out var seen) ? seen : charger.LastSeen;

    /// <summary>Stores what the charger says about itself and answers its registration status.</summary>
    public async Task<RegistrationStatus> OnBootAsync(string chargerId, BootInfo boot, CancellationToken ct)
    {
        var charger = await RequireAsync(chargerId, ct).ConfigureAwait(false);
        charger.Vendor = boot.Vendor;
        charger.Model = boot.Model;
        charger.SerialNumber = boot.SerialNumber;
        charger.FirmwareVersion = boot.FirmwareVersion;
        charger.LastSeen = time.GetUtcNow();
        await store.UpdateAsync(charger, ct).ConfigureAwait(false);
        events.Publish(new ChargerChanged(chargerId, time.GetUtcNow()));
        return charger.Registration;
    }

    /// <summary>
    /// A connector (or EVSE) of a connected charger reported its status; reservations react to Faulted/Unavailable.
    /// Nothing is read first: this answers every StatusNotification.
    /// </summary>
    public async Task OnConnectorStatusAsync(string chargerId, int connectorId, string status, string? connectorType, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (connectorId > 0)
        {
            await store.SaveConnectorAsync(chargerId, new Connector(connectorId, status, connectorType, now), ct).ConfigureAwait(false);
        }

        events.Publish(new ConnectorStatusChanged(chargerId, connectorId, status, now));
        await reservations.OnConnectorStatusAsync(chargerId, connectorId, status, ct).ConfigureAwait(false);
    }

    /// <summary>Records the connector type of an EVSE learned from a device-model report, keeping its status.</summary>
    public async Task OnConnectorTypeAsync(string chargerId, int connectorId, string connectorType, CancellationToken ct)
    {
        var charger = await RequireAsync(chargerId, ct).ConfigureAwait(false);
        var known = charger.FindConnector(connectorId);
        var connector = new Connector(connectorId, known?.Status ?? ConnectorStatus.Unknown, connectorType, known?.UpdatedAt ?? time.GetUtcNow());
        await store.SaveConnectorAsync(chargerId, connector, ct).ConfigureAwait(false);
    }

    public async Task SetReservationSupportAsync(string chargerId, ReservationSupport support, bool? anyConnector, CancellationToken ct)
    {
        var charger = await RequireAsync(chargerId, ct).ConfigureAwait(false);
        charger.Reservations = support;
        charger.AnyConnectorReservations = anyConnector;
        await store.UpdateAsync(charger, ct).ConfigureAwait(false);
        events.Publish(new ChargerChanged(chargerId, time.GetUtcNow()));
    }

    /// <summary>An admin adds a charger before it connects; it counts as approved.</summary>
    public async Task<Charger> PreRegisterAsync(string chargerId, string? passwordHash, CancellationToken ct)
    {
        if (!ChargerIds.IsValid(chargerId))
        {
            throw HubException.Invalid("id", $"A charger id is {ChargerIds.Rule}.");
        }

        if (await store.GetAsync(chargerId, ct).ConfigureAwait(false) is not null)
        {
            throw new HubException(HubErrorKind.Conflict, $"Charger '{chargerId}' already exists.");
        }

        var charger = new Charger
        {
            Id = chargerId,
            CreatedAt = time.GetUtcNow(),
            Registration = RegistrationStatus.Accepted,
            PasswordHash = passwordHash,
        };
        await store.AddAsync(charger, ct).ConfigureAwait(false);
        events.Publish(new ChargerChanged(chargerId, time.GetUtcNow()));
        return charger;
    }

    /// <summary>Applies an admin's changes: approval, password (a hash, or null to remove it), display name.</summary>
    public async Task<Charger> UpdateAsync(string chargerId, Action<Charger> change, CancellationToken ct)
    {
        var charger = await store.GetAsync(chargerId, ct).ConfigureAwait(false)
            ?? throw HubException.NotFound($"Charger '{chargerId}' is not known.");
        change(charger);
        await store.UpdateAsync(charger, ct).ConfigureAwait(false);
        events.Publish(new ChargerChanged(chargerId, time.GetUtcNow()));
        return charger;
    }

    private async Task<Charger> RequireAsync(string chargerId, CancellationToken ct) =>
        await store.GetAsync(chargerId, ct).ConfigureAwait(false)
        ?? throw HubException.NotFound($"Charger '{chargerId}' is not known.");
}
