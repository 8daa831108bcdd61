package org.tenantregistry.command.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.tenantregistry.command.tenant.CommandMetadata;

import javax.sql.DataSource;

/**
 * The event store is PostgreSQL through Axon's JDBC engine: payloads in {@code bytea} (readable with
 * {@code convert_from(payload, 'UTF8')}), a gap-free {@code BIGSERIAL} global index, and snake_case names. Flyway owns
 * the tables. The JDBC beans are declared here rather than left to Axon's auto-configuration, which only sees a
 * {@code DataSource} that exists before it runs: the embedded one does, one from {@code spring.datasource.url} does not.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AxonProperties.class)
class EventStoreConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Commands, the event append and the processors run in Spring's database transactions. Declared here because
     * Axon's own choice runs before Boot 4's transaction manager exists and then falls back to no transactions at all:
     * a create's claims and its event were committed one statement at a time (a lost create kept its slug claim, and
     * every create paid two flushes).
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /**
     * Tells a duplicate (aggregate, sequence) key, a lost race between two writers, from other failures: by PostgreSQL's
     * SQLState for a unique violation. (Axon's JdbcSQLErrorCodesResolver looks for a
     * SQLIntegrityConstraintViolationException, which the PostgreSQL driver never throws: two command-side instances
     * appending a tenant's next event at once answered 500 instead of 409.) Within a command only the event append can
     * violate a unique key: the claims are upserts.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          AxonProperties properties) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .gapTimeout(Math.toIntExact(properties.gapTimeout().toMillis()))
                .build();
    }

    @Bean
    SnapshotTriggerDefinition tenantSnapshotTrigger(Snapshotter snapshotter, AxonProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /** Auditors see on every event who made the change, why, from where and in which request. */
    @Bean
    CorrelationDataProvider commandMetadataProvider() {
        return new SimpleCorrelationDataProvider(CommandMetadata.KEYS);
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
