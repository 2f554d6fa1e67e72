using ChargingHub.Domain;
using ChargingHub.Domain.Chargers;
using ChargingHub.Domain.Ports;
using ChargingHub.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace ChargingHub.Infrastructure.Stores;

public sealed class SqliteChargerStore(SqliteDatabase database) : IChargerStore
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

    public Task<Charger?> GetAsync(string chargerId, CancellationToken ct) =>
        database.ReadAsync(async session =>
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
        }, ct);

    public Task<IReadOnlyList<Charger>> ListAsync(CancellationToken ct) =>
        database.ReadAsync<IReadOnlyList<Charger>>(async session =>
        {
            var rows = await session.QueryAsync<ChargerRow>($"{SelectChargers} ORDER BY id").ConfigureAwait(false);
            var connectors = (await session.QueryAsync<ConnectorRow>($"{SelectConnectors} ORDER BY charger_id, connector_id").ConfigureAwait(false))
                .ToLookup(c => c.ChargerId, StringComparer.Ordinal);
            return rows.Select(r => r.ToCharger(connectors[r.Id])).ToList();
        }, ct);

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
                last_seen = @LastSeen, reservations = @Reservations, any_connector_reservations = @AnyConnectorReservations
            WHERE id = @Id
            """, ChargerRow.From(charger)), ct).ConfigureAwait(false);
        if (updated == 0)
        {
            throw HubException.NotFound($"Charger '{charger.Id}' is not known.");
        }
    }

    public Task SaveConnectorAsync(string chargerId, Connector connector, CancellationToken ct) =>
        database.WriteAsync(session => session.ExecuteAsync(UpsertConnector, ConnectorRow.From(chargerId, connector)), ct);

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
