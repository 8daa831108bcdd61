-- POSTs with an Idempotency-Key header: the first request claims the key (response_status still NULL while it runs),
-- then stores its answer so that a retry gets the same answer instead of a second tenant. The primary key makes the
-- claim race-safe; rows older than the configured retention count as absent and are reclaimed or swept.
CREATE TABLE idempotency_key (
    idempotency_key  VARCHAR(255) NOT NULL PRIMARY KEY,
    fingerprint      CHAR(64)     NOT NULL,
    response_status  INTEGER,
    response_headers TEXT,
    response_body    BYTEA,
    created_at       TIMESTAMPTZ  NOT NULL
);

CREATE INDEX idempotency_key_by_age ON idempotency_key (created_at);
