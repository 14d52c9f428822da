-- Apps and their secret variables.
-- Keys and names sort by code point (COLLATE "C") so that list order is the same on every
-- PostgreSQL installation, whatever locale initdb chose.

CREATE TABLE apps (
    id         uuid PRIMARY KEY,
    name       varchar(100) COLLATE "C" NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT apps_name_not_blank CHECK (length(btrim(name)) > 0)
);

CREATE INDEX apps_name_id_idx ON apps (name, id);

-- value is bytea (the UTF-8 bytes of the value), not text: a PostgreSQL text column cannot hold
-- NUL, and the contract lets a value hold any Unicode text, NUL included.
CREATE TABLE app_secrets (
    id         uuid PRIMARY KEY,
    app_id     uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    key        varchar(256) COLLATE "C" NOT NULL,
    value      bytea NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT app_secrets_app_id_key_unique UNIQUE (app_id, key),
    CONSTRAINT app_secrets_key_format CHECK (key ~ '^[A-Za-z0-9_]+$')
);
