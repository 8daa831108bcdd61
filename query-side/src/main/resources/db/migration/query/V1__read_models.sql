-- The query side's own database: read models only, rebuilt from the tenant-events topic at any time.

-- Trigram indexes keep case-insensitive substring search (ILIKE '%term%') off full scans.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Per projection and tenant, the last applied event sequence. Written in the same transaction as the read model;
-- kept after a purge so that a redelivered old event cannot bring the tenant back.
CREATE TABLE projection_tracking (
    projection    text        NOT NULL,
    tenant_id     uuid        NOT NULL,
    last_sequence bigint      NOT NULL,
    purged        boolean     NOT NULL DEFAULT false,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (projection, tenant_id)
);

-- Events that arrived ahead of a missing one, applied as soon as the missing one is.
CREATE TABLE projection_parked_event (
    projection text        NOT NULL,
    tenant_id  uuid        NOT NULL,
    sequence   bigint      NOT NULL,
    envelope   jsonb       NOT NULL,
    parked_at  timestamptz NOT NULL,
    PRIMARY KEY (projection, tenant_id, sequence)
);

-- Projection "tenants": one row per tenant that exists (soft-deleted included, purged gone).
CREATE TABLE tenant (
    id                   uuid PRIMARY KEY,
    name                 text,
    slug                 text,
    domain               text,
    status               text        NOT NULL,
    suspension_reason    text,
    timezone             text,
    max_extensions       integer     NOT NULL DEFAULT 0,
    settings             jsonb       NOT NULL DEFAULT '{}',
    logo_url             text,
    accent_color         text,
    currency             text,
    description          text,
    address              text,
    city                 text,
    post_code            text,
    country_code         text,
    partner_id           text,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    version              bigint      NOT NULL,
    deleted_at           timestamptz,
    extensions_count     integer     NOT NULL DEFAULT 0,
    users_count          integer     NOT NULL DEFAULT 0,
    custom_domains_count integer     NOT NULL DEFAULT 0
);

CREATE INDEX tenant_name_trgm ON tenant USING gin (name gin_trgm_ops);
CREATE INDEX tenant_slug_trgm ON tenant USING gin (slug gin_trgm_ops);
CREATE INDEX tenant_domain_trgm ON tenant USING gin (domain gin_trgm_ops);
CREATE INDEX tenant_description_trgm ON tenant USING gin (description gin_trgm_ops);
-- Sort orders, each with the id tie-breaker so that a page boundary is stable; scanned backwards for descending.
CREATE INDEX tenant_created_at_id ON tenant (created_at, id);
CREATE INDEX tenant_name_id ON tenant (lower(name), id);
CREATE INDEX tenant_slug_id ON tenant (slug, id);
-- Lookups and filters.
CREATE INDEX tenant_domain_lower ON tenant (lower(domain));
CREATE INDEX tenant_status_created_at ON tenant (status, created_at);
CREATE INDEX tenant_partner_created_at ON tenant (partner_id, created_at);
CREATE INDEX tenant_country_created_at ON tenant (country_code, created_at);

-- Kept by projection "tenants": how many tenants per status x partner x country, so that counting needs no row scan.
-- The empty string stands for "none" since key columns cannot be null.
CREATE TABLE tenant_count (
    status       text   NOT NULL,
    partner_key  text   NOT NULL,
    country_key  text   NOT NULL,
    tenants      bigint NOT NULL,
    PRIMARY KEY (status, partner_key, country_key)
);

-- Projection "msp-statistics": its own copy of the few facts it groups by, so it can be rebuilt on its own.
CREATE TABLE msp_tenant (
    tenant_id      uuid PRIMARY KEY,
    status         text    NOT NULL,
    partner_key    text    NOT NULL,
    country_key    text    NOT NULL,
    max_extensions integer NOT NULL,
    created_on     date    NOT NULL
);

CREATE TABLE msp_total (
    partner_key    text   NOT NULL,
    status         text   NOT NULL,
    country_key    text   NOT NULL,
    tenants        bigint NOT NULL,
    max_extensions bigint NOT NULL,
    PRIMARY KEY (partner_key, status, country_key)
);

CREATE TABLE msp_created_per_day (
    partner_key text   NOT NULL,
    created_on  date   NOT NULL,
    tenants     bigint NOT NULL,
    PRIMARY KEY (partner_key, created_on)
);

CREATE INDEX msp_created_per_day_on ON msp_created_per_day (created_on);
