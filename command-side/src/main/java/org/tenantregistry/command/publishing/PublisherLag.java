package org.tenantregistry.command.publishing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * How far the publisher is behind the event store: the events stored after its position in the global index, i.e.
 * stored but not yet on the topic. It grows while Kafka is away and falls back to 0 once the publisher caught up.
 * With several segments the position is that of the segment furthest behind among those this instance owns, so the
 * figure is an upper bound: the other segments may have published some of those events already.
 */
@Component
public class PublisherLag {

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private volatile OptionalLong lastPosition = OptionalLong.empty();

    PublisherLag(EventProcessingConfiguration processing, JdbcClient jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /**
     * Counts in the event store, so it is for a background check, not for a request thread.
     *
     * @return empty until the publisher has had a position (it has not claimed its segment yet)
     */
    public OptionalLong events() {
        OptionalLong position = position();
        if (position.isEmpty()) {
            return position;
        }
        return OptionalLong.of(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE global_index > ?")
                .param(position.getAsLong()).query(Long.class).single());
    }

    /**
     * The processor's lowest position over its segments here; while it backs off after a failure it may show none,
     * and then the last one holds.
     */
    private OptionalLong position() {
        processing.eventProcessor(KafkaPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values())
                .filter(segments -> !segments.isEmpty())
                // No position yet: the segment has read nothing, so every stored event is still to be sent.
                .map(segments -> OptionalLong.of(segments.stream()
                        .mapToLong(status -> status.getCurrentPosition().orElse(-1L)).min().orElseThrow()))
                .ifPresent(current -> lastPosition = current);
        return lastPosition;
    }
}
