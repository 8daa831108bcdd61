-- Projection "resources": what each tenant owns (extensions, DIDs, queues, rates, members), from the resource events.
-- A purge removes the tenant's rows.
CREATE TABLE tenant_resource (
    tenant_id     uuid        NOT NULL,
    kind          text        NOT NULL,
    resource_id   uuid        NOT NULL,
    -- The attributes as the API shows them (extensions: number, name; dids: number; queues: name, strategy;
    -- rates: prefix, price, currency; users: email, status).
    attributes    jsonb       NOT NULL,
    -- The sequence of the registering event in the tenant's stream: lists are in registration order.
    position      bigint      NOT NULL,
    registered_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, resource_id)
);

CREATE INDEX tenant_resource_by_kind ON tenant_resource (tenant_id, kind, position);

-- One row per tenant that exists (from its TenantCreated to its purge), with how many of each kind it has: lists of
-- tenants read their counts here instead of counting rows, and a tenant without resources is still known.
CREATE TABLE tenant_resource_count (
    tenant_id  uuid    PRIMARY KEY,
    extensions integer NOT NULL DEFAULT 0,
    dids       integer NOT NULL DEFAULT 0,
    queues     integer NOT NULL DEFAULT 0,
    rates      integer NOT NULL DEFAULT 0,
    users      integer NOT NULL DEFAULT 0
);

-- The MSP dashboard's extension use, beside the quota: per tenant (to move it between cells) and per cell.
ALTER TABLE msp_tenant ADD COLUMN extensions integer NOT NULL DEFAULT 0;
ALTER TABLE msp_total ADD COLUMN extensions bigint NOT NULL DEFAULT 0;
