package org.tenantregistry.query.statistics;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.query.projection.ProjectionRunner;

import java.util.List;

/**
 * Feeds {@link MspStatisticsProjection} from the topic in a consumer group of its own, so the statistics can be rebuilt
 * without touching the tenant read model (see {@code TenantProjectionListener} for the trade-off).
 */
@Component
class MspStatisticsListener {

    private final ProjectionRunner runner;
    private final MspStatisticsProjection projection;

    MspStatisticsListener(ProjectionRunner runner, MspStatisticsProjection projection) {
        this.runner = runner;
        this.projection = projection;
    }

    @KafkaListener(
            id = MspStatisticsProjection.NAME,
            groupId = "${tenant-registry.query.projections.msp-statistics.group-id}",
            concurrency = "${tenant-registry.query.projections.msp-statistics.concurrency}",
            autoStartup = "${tenant-registry.query.projections.msp-statistics.auto-startup}",
            topics = "${tenant-registry.query.topic}",
            batch = "true")
    void on(List<ConsumerRecord<String, TenantEventEnvelope>> records) {
        // One poll at a time, in one transaction (ProjectionRunner.handleRecords); tombstones are passed over.
        runner.handleRecords(projection, records);
    }
}
