-- The last sequence number of each tenant that Kafka acknowledged. The Kafka publisher compares every event with it:
-- at or below means already published (a retried batch), above last + 1 means the tracking processor skipped an
-- event (a transaction that committed after the gap timeout), which is then read from the event store and republished.
-- tenant_id is text like domain_event_entry.aggregate_identifier, so the repair check joins them without casts.
CREATE TABLE published_sequence (
    tenant_id     VARCHAR(255) NOT NULL PRIMARY KEY,
    last_sequence BIGINT       NOT NULL
);
