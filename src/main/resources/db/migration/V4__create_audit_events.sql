-- The audit log. Never a value, never a token. Events outlive the apps and secrets they name, so
-- there is no foreign key. seq orders the events; the sealer chains them in that order:
-- chain_hash = SHA-256(previous chain_hash || the event's canonical form), chain_prev_seq = the
-- seq of the event before it in the chain.
CREATE TABLE audit_events (
    seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id             uuid NOT NULL CONSTRAINT audit_events_id_unique UNIQUE,
    occurred_at    timestamptz NOT NULL,
    action         varchar(64) NOT NULL,
    outcome        varchar(16) NOT NULL CONSTRAINT audit_events_outcome CHECK (outcome IN ('success', 'denied', 'failed')),
    actor_id       varchar(200),
    actor_name     varchar(200),
    app_id         uuid,
    secret_id      uuid,
    secret_key     varchar(256),
    secret_count   integer,
    request_id     varchar(128),
    client_ip      varchar(64),
    user_agent     varchar(512),
    reason         varchar(512),
    chain_prev_seq bigint,
    chain_hash     bytea
);

CREATE INDEX audit_events_app_idx ON audit_events (app_id, seq);
CREATE INDEX audit_events_secret_idx ON audit_events (secret_id, seq);
CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at);
CREATE INDEX audit_events_unsealed_idx ON audit_events (seq) WHERE chain_hash IS NULL;

-- Which chain head each sealing run left: the last sealed event and its hash. Removing events from
-- the end of the chain is detected against it.
CREATE TABLE audit_seals (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sealed_at  timestamptz NOT NULL,
    last_seq   bigint NOT NULL,
    head_hash  bytea NOT NULL,
    events     integer NOT NULL
);

ALTER TABLE audit_events ADD COLUMN token_id uuid;
