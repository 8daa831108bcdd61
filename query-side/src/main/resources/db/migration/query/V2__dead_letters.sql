-- Envelopes are kept as the bytes the codec writes: jsonb refuses \u0000 (and text any NUL), which is exactly what a
-- poison event may hold, and a parked or dead-lettered event must be storable whatever it holds.
ALTER TABLE projection_parked_event ALTER COLUMN envelope TYPE bytea USING convert_to(envelope::text, 'UTF8');

-- Events a projection could not apply (data it cannot store, a type it does not know, data that does not fit its
-- type). The tenant's later events wait in projection_parked_event behind it; every other tenant goes on. A replay
-- deletes the row once it applied; a skip keeps it, with who decided and why.
CREATE TABLE projection_dead_letter (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    projection      text        NOT NULL,
    tenant_id       uuid        NOT NULL,
    sequence        bigint      NOT NULL,
    event_type      text        NOT NULL,
    envelope        bytea       NOT NULL,
    reason          text        NOT NULL,
    error_class     text        NOT NULL,
    error_message   text        NOT NULL,
    attempts        integer     NOT NULL,
    first_failed_at timestamptz NOT NULL,
    last_failed_at  timestamptz NOT NULL,
    skipped_at      timestamptz,
    skipped_by      text,
    skip_reason     text
);

-- A tenant's events wait behind its dead letter, so a projection has at most one open dead letter per tenant.
CREATE UNIQUE INDEX projection_dead_letter_open ON projection_dead_letter (projection, tenant_id) WHERE skipped_at IS NULL;
CREATE INDEX projection_dead_letter_tenant ON projection_dead_letter (tenant_id);
