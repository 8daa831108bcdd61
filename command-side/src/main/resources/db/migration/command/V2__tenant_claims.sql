-- Slugs and domains are unique across all tenants. A row is held by its tenant while released_at is null, and
-- quarantined for the configured period after it is released.
CREATE TABLE tenant_claim (
    kind        VARCHAR(16)  NOT NULL,
    value       VARCHAR(253) NOT NULL,
    tenant_id   UUID         NOT NULL,
    released_at TIMESTAMPTZ,
    PRIMARY KEY (kind, value)
);

CREATE INDEX tenant_claim_by_tenant ON tenant_claim (tenant_id);
