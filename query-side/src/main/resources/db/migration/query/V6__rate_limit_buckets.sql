-- Bucket4j's token buckets for the per-caller rate limits (side-support's PostgresBuckets): one row per endpoint group
-- and caller, so that every instance of this side counts a caller's requests in the same place. state is Bucket4j's
-- serialized bucket; expires_at (epoch milliseconds) is when the bucket is full again, after which the row may go,
-- and a minutely job deletes such rows.
CREATE TABLE rate_limit_bucket (
    id         TEXT PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);

CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
