package org.tenantregistry.query.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the query side, prefix {@code tenant-registry.query}.
 *
 * @param topic             the topic both projections read, as the command side's {@code tenant-registry.kafka.topic}
 * @param consumerGroup     base of the projections' Kafka consumer group ids
 * @param consistency       how long read-your-writes waits for a projection
 * @param embeddedPostgres  the PostgreSQL started when no {@code spring.datasource.url} is set
 * @param retry             back-off for failures that may heal (database or broker away)
 * @param projections       per projection name ({@code tenants}, {@code msp-statistics}): consumer group, concurrency,
 *                          gap and apply retries
 */
@Validated
@ConfigurationProperties("tenant-registry.query")
public record QueryProperties(
        @NotBlank @DefaultValue("tenant-events") String topic,
        @NotBlank @DefaultValue("tenant-registry-query") String consumerGroup,
        @Valid @NotNull @DefaultValue Consistency consistency,
        @Valid @NotNull @DefaultValue EmbeddedPostgres embeddedPostgres,
        @Valid @NotNull @DefaultValue Retry retry,
        @NotNull Map<String, @Valid Projection> projections) {

    public QueryProperties {
        projections = projections == null ? Map.of() : Map.copyOf(projections);
    }

    /** The settings of one projection; defaults when the name is not configured. */
    public Projection projection(String name) {
        return projections.getOrDefault(name, Projection.DEFAULTS);
    }

    /**
     * @param maxWait     the longest a query waits for a {@code min_version}; past it the answer is 503
     * @param pollInterval how often a waiting query looks again when no local projection signalled progress
     * @param retryAfter  what the 503 tells the client in {@code Retry-After}
     * @param maxWaiters  how many queries may wait at once (they hold no thread); past it the answer is 503 at once
     */
    public record Consistency(
            @NotNull @DefaultValue("5s") Duration maxWait,
            @NotNull @DefaultValue("100ms") Duration pollInterval,
            @NotNull @DefaultValue("1s") Duration retryAfter,
            @Min(1) @DefaultValue("200") int maxWaiters) {
    }

    /**
     * @param dataDirectory      kept across restarts unless {@code cleanDataDirectory}
     * @param port               0 picks a free port
     * @param cleanDataDirectory start from an empty database (tests)
     */
    public record EmbeddedPostgres(
            @NotNull @DefaultValue("./.data/query-postgres") Path dataDirectory,
            @Min(0) @DefaultValue("0") int port,
            @DefaultValue("false") boolean cleanDataDirectory) {
    }

    /** Exponential back-off without a limit: a projection must not skip an event because the database was away. */
    public record Retry(
            @NotNull @DefaultValue("500ms") Duration initialInterval,
            @NotNull @DefaultValue("10s") Duration maxInterval) {
    }

    /**
     * @param groupId     the Kafka consumer group; resetting its offsets replays this projection alone
     * @param concurrency consumers in the group within this instance (at most the topic's partition count is useful)
     * @param autoStartup whether the listener starts with the application
     * @param gapRetry    how long the first event of a tenant that skips a sequence number is retried before it is
     *                    parked (later ones of that tenant are parked at once)
     * @param applyRetry  how long an event the projection cannot apply (a data error) is retried before it becomes a
     *                    dead letter
     */
    public record Projection(
            String groupId,
            @Min(1) @DefaultValue("1") int concurrency,
            @DefaultValue("true") boolean autoStartup,
            @Valid @NotNull @DefaultValue Retries gapRetry,
            @Valid @NotNull @DefaultValue Retries applyRetry) {

        static final Projection DEFAULTS = new Projection(null, 1, true, Retries.DEFAULTS, Retries.DEFAULTS);
    }

    /**
     * A few short retries while the partition waits: the missing event may be committed by a previous owner of the
     * partition during a rebalance, the read model may change under a concurrent rebuild. Then the event is parked or
     * dead-lettered and the partition goes on.
     */
    public record Retries(
            @Min(0) @DefaultValue("2") int attempts,
            @NotNull @DefaultValue("100ms") Duration initialInterval,
            @NotNull @DefaultValue("1s") Duration maxInterval) {

        static final Retries DEFAULTS = new Retries(2, Duration.ofMillis(100), Duration.ofSeconds(1));
    }
}
