-- Rate-limit buckets shared by every instance (secrets.rate-limit.store=postgresql), in the
-- layout Bucket4j's PostgreSQL proxy manager reads: one row per budget and caller or address.
-- Unlogged: a bucket is not worth a WAL flush per request, and a crash only refills them all.
CREATE UNLOGGED TABLE rate_limit_buckets (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
);

CREATE INDEX rate_limit_buckets_expires_at ON rate_limit_buckets (expires_at);
