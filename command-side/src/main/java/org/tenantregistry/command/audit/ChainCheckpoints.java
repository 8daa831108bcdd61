package org.tenantregistry.command.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoints over every tenant's chain head: the root is SHA-256 over one line {@code tenant_id sequence hash\n} per
 * tenant, sorted by tenant id. A root kept outside the registry (the log line below, or a copy an auditor fetched)
 * pins every tenant's history up to its head then: rewriting an event and every hash after it in the database still
 * changes the root.
 */
@Component
public class ChainCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(ChainCheckpoints.class);

    private final EventChainStore store;
    private final EventChain chain;
    private final Clock clock;

    ChainCheckpoints(EventChainStore store, EventChain chain, Clock clock) {
        this.store = store;
        this.chain = chain;
        this.clock = clock;
    }

    /**
     * Links the events that have none yet, then takes a checkpoint over the heads; when they are the same as at the
     * latest checkpoint, answers that one instead of storing another.
     */
    public Checkpoint take() {
        chain.catchUp();
        List<ChainLink> heads = store.heads();
        StringBuilder lines = new StringBuilder(heads.size() * 140);
        for (ChainLink head : heads) {
            lines.append(head.tenantId()).append(' ').append(head.sequence()).append(' ').append(head.hash())
                    .append('\n');
        }
        String text = lines.toString();
        String root = ChainEncoding.sha256(text.getBytes(StandardCharsets.UTF_8));
        Optional<Checkpoint> latest = store.latestCheckpoint();
        if (latest.isPresent() && latest.get().root().equals(root)) {
            return latest.get();
        }
        Checkpoint checkpoint = store.addCheckpoint(clock.instant(), heads.size(), root, text);
        log.info("Chain checkpoint {} at {}: {} tenants, root {}", checkpoint.id(), checkpoint.createdAt(),
                checkpoint.tenants(), checkpoint.root());
        return checkpoint;
    }

    public List<Checkpoint> newest(int limit) {
        return store.checkpoints(limit);
    }

    public Optional<Checkpoint> byId(long id) {
        return store.checkpoint(id);
    }
}
