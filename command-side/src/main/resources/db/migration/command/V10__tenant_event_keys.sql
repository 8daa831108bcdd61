-- Crypto-shredding (README "Erasure"): each tenant's key for the personal fields of its events on the topic, made
-- when the first such field is published. A purge sets sealing_key to NULL and shredded_at, in the purge's
-- transaction, and the row stays so that no later publication makes a new key for the tenant: from then on the
-- sealed copies on the topic and in every consumer's backlog open for no one. PostgreSQL keeps a deleted value in
-- dead tuples until VACUUM and in WAL and backups as long as those are kept; the README says so.
CREATE TABLE tenant_event_key (
    tenant_id   UUID        NOT NULL PRIMARY KEY,
    sealing_key BYTEA,
    created_at  TIMESTAMPTZ NOT NULL,
    shredded_at TIMESTAMPTZ,
    CHECK ((sealing_key IS NULL) = (shredded_at IS NOT NULL))
);
