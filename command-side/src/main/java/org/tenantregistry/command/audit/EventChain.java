package org.tenantregistry.command.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Extends a tenant's chain to one of its stored events. Called in the transaction that appended the event (see
 * {@link ChainWriter}), it computes the link from the row just written, exactly as a verification or an auditor
 * computes it later from the same row. A tenant whose earlier events have no links yet (stored before the chain
 * existed) gets them first, from the event store as found.
 */
@Component
public class EventChain {

    private static final Logger log = LoggerFactory.getLogger(EventChain.class);

    private final EventChainStore store;
    private final TransactionTemplate transactions;

    EventChain(EventChainStore store, PlatformTransactionManager transactions) {
        this.store = store;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Links the events of every tenant that has unlinked ones, each tenant in a transaction of its own; answers how
     * many tenants it caught up.
     */
    public int catchUp() {
        Map<String, Long> behind = store.tenantsBehind();
        behind.forEach((tenantId, sequence) -> {
            try {
                transactions.executeWithoutResult(status -> extendTo(tenantId, sequence));
            } catch (RuntimeException e) {
                // one tenant's odd stream must not keep the others unchained; its verification will show it
                log.warn("Chaining the events of tenant {} failed: {}", tenantId, e.toString());
            }
        });
        return behind.size();
    }

    /** Links every event of the tenant up to {@code sequence} that has no link yet, in the caller's transaction. */
    public void extendTo(String tenantId, long sequence) {
        Optional<ChainLink> head = store.head(tenantId);
        long from = head.map(link -> link.sequence() + 1).orElse(0L);
        if (from > sequence) {
            return;
        }
        String previous = head.map(ChainLink::hash).orElse(ChainEncoding.GENESIS);
        List<ChainLink> links = new ArrayList<>();
        long expected = from;
        for (StoredEvent event : store.events(tenantId, from, sequence)) {
            if (event.sequence() != expected) {
                throw new IllegalStateException("tenant " + tenantId + " has no stored event " + expected
                        + " to chain");
            }
            String dataDigest = ChainEncoding.dataDigest(event.payload());
            previous = ChainEncoding.hash(previous, event, dataDigest);
            links.add(new ChainLink(tenantId, event.sequence(), dataDigest, previous));
            expected++;
        }
        if (expected != sequence + 1) {
            throw new IllegalStateException("tenant " + tenantId + " has no stored event " + expected + " to chain");
        }
        store.add(links);
    }
}
