-- The tenant's short number (the numeric id of the replaced APIs), unique among the tenants that carry one; null for
-- tenants created before numbers were given. The resource counts of every kind the registry keeps a ledger of.
ALTER TABLE tenant ADD COLUMN number integer;
CREATE UNIQUE INDEX tenant_number ON tenant (number) WHERE number IS NOT NULL;
ALTER TABLE tenant ADD COLUMN dids_count integer NOT NULL DEFAULT 0;
ALTER TABLE tenant ADD COLUMN queues_count integer NOT NULL DEFAULT 0;
ALTER TABLE tenant ADD COLUMN rates_count integer NOT NULL DEFAULT 0;
-- Seed 001's name filter: the full name, case-insensitive.
CREATE INDEX tenant_name_lower ON tenant (lower(name));
