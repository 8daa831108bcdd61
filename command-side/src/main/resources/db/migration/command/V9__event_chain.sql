-- Tamper evidence (README "Tamper evidence"): every event's link in its tenant's hash chain, written in the
-- transaction that appends the event. data_digest is SHA-256 over the canonical JSON of the event's payload, hash
-- chains it to the previous event's hash with the event's tenant, sequence, type, time and audit metadata. The
-- verification recomputes both from domain_event_entry and compares; tenant_id is text like aggregate_identifier.
CREATE TABLE event_chain (
    tenant_id   VARCHAR(255) NOT NULL,
    sequence    BIGINT       NOT NULL,
    data_digest CHAR(64)     NOT NULL,
    hash        CHAR(64)     NOT NULL,
    PRIMARY KEY (tenant_id, sequence)
);

-- A stored payload whose personal fields were erased on purpose: the digest the chain holds (original_digest) and
-- the digest of the payload as it is now stored (redacted_digest). The verification accepts a payload matching
-- redacted_digest as that redaction and chains original_digest, so an erasure is told from tampering.
CREATE TABLE event_redaction (
    tenant_id       VARCHAR(255) NOT NULL,
    sequence        BIGINT       NOT NULL,
    original_digest CHAR(64)     NOT NULL,
    redacted_digest CHAR(64)     NOT NULL,
    redacted_at     TIMESTAMPTZ  NOT NULL,
    reason          TEXT         NOT NULL,
    PRIMARY KEY (tenant_id, sequence)
);

-- Periodic checkpoints over every tenant's chain head. heads is the exact text the root is SHA-256 of: one line
-- "tenant_id sequence hash\n" per tenant, sorted by tenant_id; an auditor who keeps the roots can check a later
-- export against them.
CREATE TABLE chain_checkpoint (
    id         BIGSERIAL   PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL,
    tenants    INTEGER     NOT NULL,
    root       CHAR(64)    NOT NULL,
    heads      TEXT        NOT NULL
);
