-- When each verified custom domain is checked against DNS again. Written in the transaction of the command that
-- verifies, loses or removes the domain (so it agrees with the events and survives restarts); a node takes due rows
-- with FOR UPDATE SKIP LOCKED and moves them forward at once, so two nodes never check one domain at the same time.
CREATE TABLE domain_recheck (
    domain_id  UUID        PRIMARY KEY,
    tenant_id  UUID        NOT NULL,
    due_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX domain_recheck_due ON domain_recheck (due_at);
CREATE INDEX domain_recheck_tenant ON domain_recheck (tenant_id);
