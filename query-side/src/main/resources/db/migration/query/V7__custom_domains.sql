-- Projection "domains": the tenants' custom domains (issue 12), from the custom domain events. A removal deletes the
-- domain's row, a purge the tenant's rows. The domain is not unique here: the command side keeps it unique, but a
-- removal from one tenant and the addition to another are in two tenants' streams, which may be applied in any order.
CREATE TABLE tenant_domain (
    tenant_id            uuid        NOT NULL,
    domain_id            uuid        NOT NULL,
    -- Lower-case ASCII, IDNs as A-labels, as the events carry it.
    domain               text        NOT NULL,
    state                text        NOT NULL CHECK (state IN ('pending', 'verified')),
    verification_token   text        NOT NULL,
    token_expires_at     timestamptz NOT NULL,
    -- The DNS check of the last verification or failure, as the event's DnsCheck (snake_case); null before any.
    last_check           jsonb,
    last_checked_at      timestamptz,
    consecutive_failures integer     NOT NULL DEFAULT 0,
    is_primary           boolean     NOT NULL DEFAULT false,
    verified_at          timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, domain_id)
);

-- The public branding's lookup by host.
CREATE INDEX tenant_domain_by_domain ON tenant_domain (domain);

-- Kept by projection "domains" from TenantSlugChanged: the slugs a tenant gave up, so that the public branding
-- redirects <old>.<base domain> to the current slug while the old one is in quarantine. One row per slug: released
-- again later (by another tenant), the newest release counts.
CREATE TABLE tenant_released_slug (
    slug        text        PRIMARY KEY,
    tenant_id   uuid        NOT NULL,
    released_at timestamptz NOT NULL
);

CREATE INDEX tenant_released_slug_by_tenant ON tenant_released_slug (tenant_id);
