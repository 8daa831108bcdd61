package org.tenantregistry.query.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import org.tenantregistry.events.MalformedEnvelopeException;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.query.projection.EventNotApplicableException;
import org.tenantregistry.query.projection.Projection;
import org.tenantregistry.query.projection.ProjectionRunner;
import org.tenantregistry.query.projection.SequenceGapException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the projections' listeners fail. Four kinds of trouble, four answers:
 * <ul>
 *     <li>a record that cannot be read (not JSON, not an envelope) never will be, and names no tenant event: logged,
 *     counted and skipped at once;</li>
 *     <li>an event that skips a sequence number is retried briefly (the missing one may be committed by a previous
 *     owner of the partition), then parked until the missing one arrives, so that the partition moves on;</li>
 *     <li>an event the projection cannot apply (a type it does not know, data not fitting its type, data the read
 *     model refuses) becomes a dead letter, after brief retries for data errors; its tenant's later events wait
 *     behind it, every other tenant goes on;</li>
 *     <li>anything else (database or broker away, the command side's key endpoint away or refusing us) is retried with back-off for as long as it takes: skipping it would
 *     lose an event for good.</li>
 * </ul>
 * Offsets of recovered records are committed too, so they are not seen again after a restart. The listeners take a
 * poll at a time; when a batch fails, {@code ProjectionRunner.handleRecords} names the one record that failed
 * ({@code BatchListenerFailedException}): the offsets before it are committed, and the back-off and recovery below
 * apply to that record alone, as they would for a record listener, before the records after it are delivered again.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConsumerConfig {

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumerConfig.class);

    @Bean
    TenantEventCodec tenantEventCodec() {
        return new TenantEventCodec();
    }

    @Bean
    DefaultErrorHandler projectionErrorHandler(QueryProperties properties, List<Projection> projections,
                                               ProjectionRunner runner, MeterRegistry registry) {
        Map<String, Projection> byName = projections.stream()
                .collect(Collectors.toUnmodifiableMap(Projection::name, Function.identity()));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer(byName, runner, properties, registry),
                endlessBackOff(properties));
        handler.addNotRetryableExceptions(DeserializationException.class, MalformedEnvelopeException.class);
        handler.setBackOffFunction((record, exception) -> causeOf(exception, SequenceGapException.class)
                .map(gap -> shortBackOff(properties.projection(gap.projection()).gapRetry()))
                .or(() -> causeOf(exception, EventNotApplicableException.class)
                        .map(failure -> failure.reason().worthRetrying()
                                ? shortBackOff(properties.projection(failure.projection()).applyRetry())
                                : new FixedBackOff(0, 0)))
                .orElse(null));
        handler.setCommitRecovered(true);
        // After a failed batch the handler ends the delivery with "Seek to current after exception" so that the
        // records after the failed one come again: that is the normal path, and what failed is logged where it failed.
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }

    private static ConsumerRecordRecoverer recoverer(Map<String, Projection> projections, ProjectionRunner runner,
                                                     QueryProperties properties, MeterRegistry registry) {
        return (record, exception) -> {
            Optional<SequenceGapException> gap = causeOf(exception, SequenceGapException.class);
            if (gap.isPresent()) {
                runner.parkOrApply(projections.get(gap.get().projection()), gap.get().envelope());
                return;
            }
            Optional<EventNotApplicableException> failure = causeOf(exception, EventNotApplicableException.class);
            if (failure.isPresent() && record.value() instanceof TenantEventEnvelope received) {
                String projection = failure.get().projection();
                int attempts = failure.get().reason().worthRetrying()
                        ? properties.projection(projection).applyRetry().attempts() + 1 : 1;
                runner.deadLetter(projections.get(projection), received, failure.get(), attempts);
                return;
            }
            // Only a record that cannot be read gets here: every other failure is parked, dead-lettered or retried.
            skip(record, exception, registry);
        };
    }

    private static void skip(ConsumerRecord<?, ?> record, Exception exception, MeterRegistry registry) {
        String group = Optional.ofNullable(KafkaUtils.getConsumerGroupId()).orElse("unknown");
        log.error("Consumer group {} skips record {}-{}@{} with key {}: {}", group, record.topic(), record.partition(),
                record.offset(), record.key(), rootMessage(exception));
        Counter.builder("tenant.registry.query.records.skipped")
                .description("Records skipped because they cannot be read")
                .tag("group", group)
                .tag("reason", "malformed")
                .register(registry)
                .increment();
    }

    private static BackOff endlessBackOff(QueryProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retry().initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
        return backOff;
    }

    private static BackOff shortBackOff(QueryProperties.Retries retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(retry.attempts());
        return backOff;
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable exception, Class<T> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
