using ChargingHub.Domain;
using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Ports;
using ChargingHub.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ChargingHub.Infrastructure.Stores;

/// <summary>
/// Chargers and their connectors in SQLite. Connector states and last-seen times are written in batches by a
/// <see cref="ChargerStateWriter"/>; reads include the ones still on their way.
/// </summary>
public sealed class SqliteChargerStore(SqliteDatabase database, ILogger<SqliteChargerStore> logger) : IChargerStore, IAsyncDisposable
{
    private const string SelectChargers = """
        SELECT id, display_name, protocol, registration, password_hash, vendor, model, serial_number,
               firmware_version, last_seen, reservations, any_connector_reservations, created_at
        FROM chargers
        """;

    private const string SelectConnectors = """
        SELECT charger_id, connector_id, status, connector_type, updated_at FROM connectors
        """;

    private const string UpsertConnector = """
        INSERT INTO connectors (charger_id, connector_id, status, connector_type, updated_at)
        VALUES (@ChargerId, @ConnectorId, @Status, @ConnectorType, @UpdatedAt)
        ON CONFLICT (charger_id, connector_id) DO UPDATE SET
            status = excluded.status, connector_type = excluded.connector_type, updated_at = excluded.updated_at
        """;

    private readonly ChargerStateWriter _pending = new(database, logger);

    public async Task<Charger?> GetAsync(string chargerId, CancellationToken ct)
    {
        // Pending values are taken before the read: one written in between is then in either.
        var pending = _pending.PendingConnectors(chargerId);
        var pendingSeen = _pending.PendingLastSeen(chargerId);
        var charger = await database.ReadAsync(async session =>
        {
            var row = await session.QuerySingleOrDefaultAsync<ChargerRow>($"{SelectChargers} WHERE id = @chargerId", new { chargerId })
                .ConfigureAwait(false);
            if (row is null)
            {
                return null;
            }

            var connectors = await session.QueryAsync<ConnectorRow>(
                $"{SelectConnectors} WHERE charger_id = @chargerId ORDER BY connector_id", new { chargerId }).ConfigureAwait(false);
            return row.ToCharger(connectors);
        }, ct).ConfigureAwait(false);
        return charger is null ? null : WithPending(charger, pending, pendingSeen);
    }

    public async Task<IReadOnlyList<Charger>> ListAsync(CancellationToken ct)
    {
        var pending = _pending.PendingConnectors();
        var pendingSeen = _pending.PendingLastSeen();
        var chargers = await database.ReadAsync(async session =>
        {
            var rows = await session.QueryAsync<ChargerRow>($"{SelectChargers} ORDER BY id").ConfigureAwait(false);
            var connectors = (await session.QueryAsync<ConnectorRow>($"{SelectConnectors} ORDER BY charger_id, connector_id").ConfigureAwait(false))
                .ToLookup(c => c.ChargerId, StringComparer.Ordinal);
            return rows.Select(r => r.ToCharger(connectors[r.Id])).ToList();
        }, ct).ConfigureAwait(false);
        return chargers.Select(c => WithPending(c, pending[c.Id], pendingSeen.GetValueOrDefault(c.Id))).ToList();
    }

    /// <summary>Adds the charger with its connectors; a <see cref="HubErrorKind.Conflict"/> when the id is taken.</summary>
    public async Task AddAsync(Charger charger, CancellationToken ct)
    {
        try
        {
            await database.WriteAsync(async session =>
            {
                await session.ExecuteAsync("""
                    INSERT INTO chargers (id, display_name, protocol, registration, password_hash, vendor, model, serial_number,
                                          firmware_version, last_seen, reservations, any_connector_reservations, created_at)
                    VALUES (@Id, @DisplayName, @Protocol, @Registration, @PasswordHash, @Vendor, @Model, @SerialNumber,
                            @FirmwareVersion, @LastSeen, @Reservations, @AnyConnectorReservations, @CreatedAt)
                    """, ChargerRow.From(charger)).ConfigureAwait(false);
                await session.ExecuteAsync(UpsertConnector, charger.Connectors.Select(c => ConnectorRow.From(charger.Id, c))).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteErrorCodes.ConstraintPrimaryKey)
        {
            throw new HubException(HubErrorKind.Conflict, $"Charger '{charger.Id}' already exists.");
        }
    }

    public async Task UpdateAsync(Charger charger, CancellationToken ct)
    {
        var updated = await database.WriteAsync(session => session.ExecuteAsync("""
            UPDATE chargers SET
                display_name = @DisplayName, protocol = @Protocol, registration = @Registration, password_hash = @PasswordHash,
                vendor = @Vendor, model = @Model, serial_number = @SerialNumber, firmware_version = @FirmwareVersion,
                last_seen = CASE WHEN last_seen IS NULL OR @LastSeen > last_seen THEN @LastSeen ELSE last_seen END,
                reservations = @Reservations, any_connector_reservations = @AnyConnectorReservations
            WHERE id = @Id
            """, ChargerRow.From(charger)), ct).ConfigureAwait(false);
        if (updated == 0)
        {
            throw HubException.NotFound($"Charger '{charger.Id}' is not known.");
        }
    }

    /// <summary>Records the connector's state for the next batch; reads see it at once. A null type keeps the known one.</summary>
    public Task SaveConnectorAsync(string chargerId, Connector connector, CancellationToken ct)
    {
        _pending.Record(chargerId, connector);
        return Task.CompletedTask;
    }

    /// <summary>Records the last-seen time for the next batch; an earlier time than the stored one changes nothing.</summary>
    public Task SaveLastSeenAsync(string chargerId, DateTimeOffset at, CancellationToken ct)
    {
        _pending.RecordLastSeen(chargerId, at);
        return Task.CompletedTask;
    }

    /// <summary>Completes once every connector state and last-seen time recorded before the call is in the file.</summary>
    public Task FlushAsync(CancellationToken ct) => _pending.FlushAsync(ct);

    /// <summary>Writes what is still pending.</summary>
    public ValueTask DisposeAsync() => _pending.DisposeAsync();

    private static Charger WithPending(Charger charger, IEnumerable<Connector> pending, DateTimeOffset? pendingSeen)
    {
        foreach (var connector in pending)
        {
            var index = charger.Connectors.FindIndex(c => c.ConnectorId == connector.ConnectorId);
            if (index < 0)
            {
                charger.Connectors.Add(connector);
            }
            else
            {
                charger.Connectors[index] = connector with { ConnectorType = connector.ConnectorType ?? charger.Connectors[index].ConnectorType };
            }
        }

        charger.Connectors.Sort((a, b) => a.ConnectorId.CompareTo(b.ConnectorId));
        if (pendingSeen is { } seen && (charger.LastSeen is null || seen > charger.LastSeen))
        {
            charger.LastSeen = seen;
        }

        return charger;
    }

    private sealed class ChargerRow
    {
        public string Id { get; set; } = "";

        public string? DisplayName { get; set; }

        public string? Protocol { get; set; }

        public string Registration { get; set; } = "";

        public string? PasswordHash { get; set; }

        public string? Vendor { get; set; }

        public string? Model { get; set; }

        public string? SerialNumber { get; set; }

        public string? FirmwareVersion { get; set; }

        public string? LastSeen { get; set; }

        public string Reservations { get; set; } = "";

        public long? AnyConnectorReservations { get; set; }

        public string CreatedAt { get; set; } = "";

        public static ChargerRow From(Charger c) => new()
        {
            Id = c.Id,
            DisplayName = c.DisplayName,
            Protocol = c.Protocol?.ToString(),
            Registration = c.Registration.ToString(),
            PasswordHash = c.PasswordHash,
            Vendor = c.Vendor,
            Model = c.Model,
            SerialNumber = c.SerialNumber,
            FirmwareVersion = c.FirmwareVersion,
            LastSeen = SqliteTime.ToText(c.LastSeen),
            Reservations = c.Reservations.ToString(),
            AnyConnectorReservations = c.AnyConnectorReservations is { } any ? (any ? 1 : 0) : null,
            CreatedAt = SqliteTime.ToText(c.CreatedAt),
        };

        public Charger ToCharger(IEnumerable<ConnectorRow> connectors) => new()
        {
            Id = Id,
            DisplayName = DisplayName,
            Protocol = Protocol is null ? null : Enum.Parse<ChargerProtocol>(Protocol),
            Registration = Enum.Parse<RegistrationStatus>(Registration),
            PasswordHash = PasswordHash,
            Vendor = Vendor,
            Model = Model,
            SerialNumber = SerialNumber,
            FirmwareVersion = FirmwareVersion,
            LastSeen = SqliteTime.ParseOrNull(LastSeen),
            Reservations = Enum.Parse<ReservationSupport>(Reservations),
            AnyConnectorReservations = AnyConnectorReservations is { } any ? any != 0 : null,
            CreatedAt = SqliteTime.Parse(CreatedAt),
            Connectors = connectors.Select(c => c.ToConnector()).ToList(),
        };
    }

    private sealed class ConnectorRow
    {
        public string ChargerId { get; set; } = "";

        public long ConnectorId { get; set; }

        public string Status { get; set; } = "";

        public string? ConnectorType { get; set; }

        public string UpdatedAt { get; set; } = "";

        public static ConnectorRow From(string chargerId, Connector c) => new()
        {
            ChargerId = chargerId,
            ConnectorId = c.ConnectorId,
            Status = c.Status,
            ConnectorType = c.ConnectorType,
            UpdatedAt = SqliteTime.ToText(c.UpdatedAt),
        };

        public Connector ToConnector() => new(checked((int)ConnectorId), Status, ConnectorType, SqliteTime.Parse(UpdatedAt));
    }
}
