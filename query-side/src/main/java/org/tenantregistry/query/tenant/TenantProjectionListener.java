package org.tenantregistry.query.tenant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.query.projection.ProjectionRunner;

import java.util.List;

/**
 * Feeds {@link TenantProjection} from the topic. Each projection is its own listener in its own consumer group, rather
 * than both applied in one transaction: either can be rebuilt alone (truncate its tables and tracking rows, reset its
 * group's offsets), and a failing one does not hold the other back. The price is reading the topic twice and the two
 * read models being briefly out of step, which min_version hides per projection.
 */
@Component
class TenantProjectionListener {

    private final ProjectionRunner runner;
    private final TenantProjection projection;

    TenantProjectionListener(ProjectionRunner runner, TenantProjection projection) {
        this.runner = runner;
        this.projection = projection;
    }

    @KafkaListener(
            id = TenantProjection.NAME,
            groupId = "${tenant-registry.query.projections.tenants.group-id}",
            concurrency = "${tenant-registry.query.projections.tenants.concurrency}",
            autoStartup = "${tenant-registry.query.projections.tenants.auto-startup}",
            topics = "${tenant-registry.query.topic}",
            batch = "true")
    void on(List<ConsumerRecord<String, TenantEventEnvelope>> records) {
        // One poll at a time, in one transaction (ProjectionRunner.handleRecords); tombstones are passed over.
        runner.handleRecords(projection, records);
    }
}
