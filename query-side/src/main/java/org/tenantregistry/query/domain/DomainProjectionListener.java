package org.tenantregistry.query.domain;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.query.projection.ProjectionRunner;

import java.util.List;

/**
 * Feeds {@link DomainProjection} from the topic in a consumer group of its own, so the domains can be rebuilt
 * without touching the other read models (see {@code TenantProjectionListener} for the trade-off).
 */
@Component
class DomainProjectionListener {

    private final ProjectionRunner runner;
    private final DomainProjection projection;

    DomainProjectionListener(ProjectionRunner runner, DomainProjection projection) {
        this.runner = runner;
        this.projection = projection;
    }

    @KafkaListener(
            id = DomainProjection.NAME,
            groupId = "${tenant-registry.query.projections.domains.group-id}",
            concurrency = "${tenant-registry.query.projections.domains.concurrency}",
            autoStartup = "${tenant-registry.query.projections.domains.auto-startup}",
            topics = "${tenant-registry.query.topic}",
            batch = "true")
    void on(List<ConsumerRecord<String, TenantEventEnvelope>> records) {
        // One poll at a time, in one transaction (ProjectionRunner.handleRecords); tombstones are passed over.
        runner.handleRecords(projection, records);
    }
}
