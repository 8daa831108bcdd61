package org.tenantregistry.command.erasure;

/** What a purge erases besides the payloads' personal fields: the copies of the tenant's state kept for speed. */
public interface ErasedEvents {

    /** Stores the payload with its personal fields erased in place of the one stored at that sequence. */
    void rewrite(String tenantId, long sequence, byte[] payload);

    /** Deletes the tenant's snapshots: they hold its state, personal fields included. */
    void deleteSnapshots(String tenantId);

    /**
     * Deletes the stored answers to idempotent retries that name the tenant: a create's answer holds the tenant's
     * representation, personal fields included, for the retention of idempotency keys.
     */
    void forgetAnswers(String tenantId);
}
