package org.tenantregistry.command.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.tenantregistry.events.TenantEvent;

/**
 * Links every event into its tenant's chain in the transaction that appends it. Its processing group is a subscribing
 * one: Axon hands it the events of a unit of work right after the storage engine inserted them and before the
 * commit, so the event and its link are committed together or not at all (a failure here rolls the command back:
 * see {@code AppendTransactionProcessors}).
 */
@Component
@ProcessingGroup(ChainWriter.PROCESSING_GROUP)
public class ChainWriter {

    public static final String PROCESSING_GROUP = "event-chain";

    private final EventChain chain;

    ChainWriter(EventChain chain) {
        this.chain = chain;
    }

    @EventHandler
    void on(TenantEvent event, DomainEventMessage<?> message) {
        chain.extendTo(message.getAggregateIdentifier(), message.getSequenceNumber());
    }
}
