-- The hub's first schema.
-- Instants are ISO-8601 UTC text with seven fractional digits (see SqliteTime): exact, readable, and
-- ordered correctly by text comparison. Enums are stored by name. Booleans are 0/1.

CREATE TABLE chargers (
    id                          TEXT    NOT NULL PRIMARY KEY,
    display_name                TEXT,
    protocol                    TEXT,                       -- NULL until its first connection
    registration                TEXT    NOT NULL,
    password_hash               TEXT,                       -- NULL: no Basic auth required
    vendor                      TEXT,
    model                       TEXT,
    serial_number               TEXT,
    firmware_version            TEXT,
    last_seen                   TEXT,
    reservations                TEXT    NOT NULL,
    any_connector_reservations  INTEGER,                    -- NULL: not known yet
    created_at                  TEXT    NOT NULL
);

CREATE TABLE connectors (
    charger_id      TEXT    NOT NULL REFERENCES chargers (id) ON DELETE CASCADE,
    connector_id    INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    connector_type  TEXT,
    updated_at      TEXT    NOT NULL,
    PRIMARY KEY (charger_id, connector_id)
) WITHOUT ROWID;

CREATE TABLE members (
    id              INTEGER NOT NULL PRIMARY KEY,
    user_name       TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    display_name    TEXT,
    password_hash   TEXT    NOT NULL,
    role            TEXT    NOT NULL CHECK (role IN ('Admin', 'Member')),
    disabled        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT    NOT NULL
);

CREATE TABLE api_keys (
    id          INTEGER NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL COLLATE NOCASE,
    key_hash    TEXT    NOT NULL,
    prefix      TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    revoked_at  TEXT,
    member_id   INTEGER REFERENCES members (id) ON DELETE CASCADE
);

-- A revoked key keeps its row (and name) for the record; only live keys need distinct names.
CREATE UNIQUE INDEX ux_api_keys_live_name ON api_keys (name) WHERE revoked_at IS NULL;
CREATE INDEX ix_api_keys_prefix ON api_keys (prefix);

-- idTags are case-insensitive (OCPP CiString), hence NOCASE on the key.
CREATE TABLE id_tokens (
    id_tag          TEXT    NOT NULL COLLATE NOCASE PRIMARY KEY,
    parent_id_tag   TEXT    COLLATE NOCASE,
    name            TEXT,
    blocked         INTEGER NOT NULL DEFAULT 0,
    member_id       INTEGER REFERENCES members (id) ON DELETE SET NULL
);

CREATE INDEX ix_id_tokens_member ON id_tokens (member_id);

CREATE TABLE transactions (
    charger_id      TEXT    NOT NULL REFERENCES chargers (id) ON DELETE CASCADE,
    transaction_id  TEXT    NOT NULL,
    connector_id    INTEGER NOT NULL,
    id_tag          TEXT,
    started_at      TEXT    NOT NULL,
    stopped_at      TEXT,
    meter_start_wh  REAL,
    meter_stop_wh   REAL,
    reservation_id  INTEGER,
    stop_reason     TEXT,
    last_seq_no     INTEGER NOT NULL,
    PRIMARY KEY (charger_id, transaction_id)
);

CREATE INDEX ix_transactions_started ON transactions (started_at);
CREATE INDEX ix_transactions_charger_started ON transactions (charger_id, started_at);

-- Hub-wide counters. transaction_local_id hands out the integer transactionIds of OCPP 1.6.
CREATE TABLE counters (
    name    TEXT    NOT NULL PRIMARY KEY,
    value   INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO counters (name, value) VALUES ('transaction_local_id', 0);

CREATE TABLE reservations (
    id              INTEGER NOT NULL PRIMARY KEY,           -- Reservation.Key
    reservation_id  INTEGER NOT NULL,                       -- the OCPP id, reused over time
    charger_id      TEXT    NOT NULL REFERENCES chargers (id) ON DELETE CASCADE,
    connector_id    INTEGER NOT NULL,                       -- 0: any connector
    connector_type  TEXT,
    id_tag          TEXT    NOT NULL COLLATE NOCASE,
    id_token_type   TEXT    NOT NULL,
    parent_id_tag   TEXT    COLLATE NOCASE,
    expires_at      TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    reason          TEXT,
    enforced_by_hub INTEGER NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);

-- An OCPP reservation id names one open reservation per charger. Ended reservations keep their
-- history, and the id may be given out again later, so uniqueness covers open ones only.
CREATE UNIQUE INDEX ux_reservations_open_id ON reservations (charger_id, reservation_id)
    WHERE status IN ('Pending', 'Active');

-- Also serves "highest id ever used on this charger" and "latest with this id".
CREATE INDEX ix_reservations_charger_id ON reservations (charger_id, reservation_id);
CREATE INDEX ix_reservations_status ON reservations (status);
CREATE INDEX ix_reservations_created ON reservations (created_at, id);
CREATE INDEX ix_reservations_expiry ON reservations (expires_at) WHERE status = 'Active';

CREATE TABLE reservation_transitions (
    reservation_key INTEGER NOT NULL REFERENCES reservations (id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,                       -- position in Reservation.Transitions
    from_status     TEXT    NOT NULL,
    to_status       TEXT    NOT NULL,
    at              TEXT    NOT NULL,
    cause           TEXT    NOT NULL,
    PRIMARY KEY (reservation_key, seq)
) WITHOUT ROWID;

-- Recent OCPP frames per charger for troubleshooting, trimmed to the newest few hundred each.
-- No foreign key on purpose: the log must never refuse (and lose a batch) over a charger row.
CREATE TABLE ocpp_messages (
    id          INTEGER NOT NULL PRIMARY KEY,
    charger_id  TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    direction   TEXT    NOT NULL,
    text        TEXT    NOT NULL
);

CREATE INDEX ix_ocpp_messages_charger ON ocpp_messages (charger_id, id);
