-- Every value a secret has held, sealed like the current one (bound to its secret and version
-- number), and recoverable deletes.

-- The current value's version number, and a revision that changes with any change (the ETag).
ALTER TABLE app_secrets ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE app_secrets ADD COLUMN revision bigint NOT NULL DEFAULT 0;

-- A deleted secret is hidden at once and its key is free, but it is kept until purged.
ALTER TABLE app_secrets ADD COLUMN deleted_at timestamptz;
ALTER TABLE app_secrets DROP CONSTRAINT app_secrets_app_id_key_unique;
CREATE UNIQUE INDEX app_secrets_app_id_key_unique ON app_secrets (app_id, key) WHERE deleted_at IS NULL;
CREATE INDEX app_secrets_deleted_idx ON app_secrets (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE secret_versions (
    secret_id    uuid NOT NULL REFERENCES app_secrets (id) ON DELETE CASCADE,
    version      integer NOT NULL CONSTRAINT secret_versions_version_positive CHECK (version > 0),
    sealed_value bytea NOT NULL,
    dek_id       uuid NOT NULL CONSTRAINT secret_versions_dek_id_fkey REFERENCES data_keys (id),
    created_at   timestamptz NOT NULL,
    created_by   varchar(200),
    PRIMARY KEY (secret_id, version)
);

CREATE INDEX secret_versions_dek_id_idx ON secret_versions (dek_id);
