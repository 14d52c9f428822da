-- API tokens. Only the SHA-256 of a token is stored: a copy of the table gives no usable token.
CREATE TABLE access_tokens (
    id           uuid PRIMARY KEY,
    name         varchar(100) NOT NULL,
    token_hash   bytea NOT NULL CONSTRAINT access_tokens_token_hash_unique UNIQUE,
    permissions  text[] NOT NULL,
    app_ids      uuid[],
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
