-- Every tenant's short number, the numeric id the replaced APIs address tenants by (/api/tenants/1042). Allocated by
-- the create in its own transaction, never reused: a purged tenant's row stays, and a sequence never hands a value
-- out twice (a rolled-back create leaves a gap, no duplicate).
CREATE SEQUENCE tenant_number_seq START WITH 1;

CREATE TABLE tenant_number (
    number    INTEGER PRIMARY KEY,
    tenant_id UUID    NOT NULL UNIQUE
);
