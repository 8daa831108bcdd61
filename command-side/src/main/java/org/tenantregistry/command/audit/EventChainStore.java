package org.tenantregistry.command.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the chain reads the stored events and keeps its links, redactions and checkpoints. */
public interface EventChainStore {

    /** The tenant's stored events from {@code fromSequence} to {@code toSequence} (both included), in order. */
    List<StoredEvent> events(String tenantId, long fromSequence, long toSequence);

    /** The tenant's last link. */
    Optional<ChainLink> head(String tenantId);

    /** Every link of the tenant, in order. */
    List<ChainLink> links(String tenantId);

    /**
     * Adds links. One already there for the same event is left as it is: links are computed from committed events
     * only, so whoever wrote it first wrote the same.
     */
    void add(List<ChainLink> links);

    /** Records an erasure of a stored payload; a second one of the same event keeps the first's original digest. */
    void addRedaction(Redaction redaction);

    /** The tenant's recorded redactions, in order of sequence. */
    List<Redaction> redactions(String tenantId);

    /**
     * The tenants with stored events after their last link (or with no link at all), each with its last stored
     * sequence: events appended before the chain existed, or by hand.
     */
    Map<String, Long> tenantsBehind();

    /** Every tenant's last link, sorted by tenant id. */
    List<ChainLink> heads();

    Optional<Checkpoint> latestCheckpoint();

    Checkpoint addCheckpoint(Instant createdAt, int tenants, String root, String heads);

    /** The newest checkpoints first, without their heads. */
    List<Checkpoint> checkpoints(int limit);

    Optional<Checkpoint> checkpoint(long id);
}
