-- Seed 001's "switch tenant": the tenant each caller (a token's subject and client) currently works in, set by
-- PUT /api/tenants/{id}/switch and by the caller's own creates, shown by GET /api/me. A caller's preference, not
-- tenant state: it is no event, and a later switch simply overwrites it. client_id is '' for a token without one, so
-- that the primary key holds for both kinds.
CREATE TABLE current_tenant (
    subject     TEXT        NOT NULL,
    client_id   TEXT        NOT NULL,
    tenant_id   UUID        NOT NULL,
    switched_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subject, client_id)
);
