package org.tenantregistry.command.publishing;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;
import org.tenantregistry.events.TenantEvent;

/**
 * Sends every tenant event to Kafka, in order, from a tracking processor with several segments (a tenant's events all
 * in one): the processor's token moves on only when the batch's unit of work commits, and that waits until the broker
 * acknowledged every record of the batch ({@link OrderedPublication}). A failure is thrown, so the processor backs off
 * and retries the batch (see the error handlers in {@code KafkaConfiguration}).
 * <p>
 * {@code @AllowReplay}: since Axon 4.9 a new processor's first pass over the existing events counts as a replay, and
 * those must go out too. A deliberate reset also republishes everything (consumers deduplicate by tenant and
 * sequence), which is why a reset forgets the published sequences.
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
@AllowReplay
public class KafkaPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";

    private final OrderedPublication publication;
    private final PublicationAudit audit;

    KafkaPublisher(OrderedPublication publication, PublicationAudit audit) {
        this.publication = publication;
        this.audit = audit;
    }

    @EventHandler
    void on(TenantEvent event, DomainEventMessage<?> message) {
        publication.publish(message);
    }

    @ResetHandler
    void onReset() {
        audit.forgetAll();
    }
}
