-- The tenant's short number (the numeric id of the replaced APIs), unique among the tenants that carry one; null for
-- tenants created before numbers were given.
ALTER TABLE tenant ADD COLUMN number integer;
CREATE UNIQUE INDEX tenant_number ON tenant (number) WHERE number IS NOT NULL;
-- Resource counts live in the resources projection's own tables (V5); these were never written.
ALTER TABLE tenant DROP COLUMN extensions_count, DROP COLUMN users_count, DROP COLUMN custom_domains_count;
-- Seed 001's name filter: the full name, case-insensitive.
CREATE INDEX tenant_name_lower ON tenant (lower(name));
