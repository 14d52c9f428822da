-- Envelope encryption: data keys, wrapped by the master key (which never enters the database),
-- encrypt the values. Rows written before this change hold plain UTF-8 and no data key; the
-- service encrypts them at start-up, before it serves a request.

CREATE TABLE data_keys (
    id                     uuid PRIMARY KEY,
    wrapped_key            bytea NOT NULL,
    master_key_fingerprint varchar(64) NOT NULL,
    active                 boolean NOT NULL,
    created_at             timestamptz NOT NULL
);

-- At most one data key encrypts new values.
CREATE UNIQUE INDEX data_keys_one_active ON data_keys (active) WHERE active;

ALTER TABLE app_secrets RENAME COLUMN value TO sealed_value;
ALTER TABLE app_secrets
    ADD COLUMN dek_id uuid CONSTRAINT app_secrets_dek_id_fkey REFERENCES data_keys (id);

-- Finds the values still under an old data key (or not yet encrypted) without a full scan.
CREATE INDEX app_secrets_dek_id_idx ON app_secrets (dek_id);
