package org.tenantregistry.query.measurement;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantRenamed;
import org.tenantregistry.events.TenantSuspended;
import org.tenantregistry.query.statistics.MspStatisticsProjection;
import org.tenantregistry.query.support.CloseContextAfterAllTests;
import org.tenantregistry.query.tenant.TenantProjection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Not a test (no assertion on speed, and not in the normal run: the name matches neither surefire's nor failsafe's
 * patterns). Measures how fast both projections rebuild from a topic, next to a plain consumer reading the same topic:
 * {@code ./mvnw -B -pl query-side -am verify -Dit.test=RebuildMeasurement -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Drebuild.tenants=200000}. The tenants have the benchmark's data set shape
 * (DATASET.md); every tenth is renamed and every twentieth suspended after it was created.
 */
@SpringBootTest(properties = {
        "tenant-registry.query.embedded-postgres.data-directory=target/it-postgres/${random.uuid}",
        "tenant-registry.query.embedded-postgres.clean-data-directory=true",
        "tenant-registry.query.topic=" + RebuildMeasurement.TOPIC,
        "tenant-registry.query.projections.tenants.auto-startup=false",
        "tenant-registry.query.projections.msp-statistics.auto-startup=false",
        "tenant-registry.query.projections.resources.auto-startup=false"})
@EmbeddedKafka(topics = RebuildMeasurement.TOPIC, partitions = RebuildMeasurement.PARTITIONS,
        brokerProperties = {"auto.create.topics.enable=false", "log.retention.ms=-1"},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ExtendWith(CloseContextAfterAllTests.class)
class RebuildMeasurement {

    static final String TOPIC = "rebuild-tenant-events";
    static final int PARTITIONS = 3;
    private static final String[] WORDS = {"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark",
            "Wayne", "Wonka", "Tyrell"};
    private static final String[] COUNTRIES = {"US", "DE", "FR", "GB", "NL", "ES", "IT", "SE", "PL", "CA"};
    private static final Instant START = Instant.parse("2024-12-01T00:00:00Z");

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry registry;

    private final TenantEventCodec codec = new TenantEventCodec();

    @Test
    void rebuildsBothProjectionsFromTheTopic() {
        int tenants = Integer.getInteger("rebuild.tenants", 20_000);
        long events = produce(tenants);
        double plain = plainConsumerRate(events);

        long started = System.nanoTime();
        listeners.getListenerContainer(TenantProjection.NAME).start();
        listeners.getListenerContainer(MspStatisticsProjection.NAME).start();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> applied(TenantProjection.NAME) == events && applied(MspStatisticsProjection.NAME) == events);
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf(Locale.ROOT, "%nREBUILD tenants=%d events=%d partitions=%d%n", tenants, events, PARTITIONS);
        System.out.printf(Locale.ROOT, "REBUILD plain consumer: %.0f events/s%n", plain);
        System.out.printf(Locale.ROOT, "REBUILD both projections: %.1f s, %.0f events/s (%.2fx plain)%n", seconds,
                events / seconds, events / seconds / plain);
        registry.find("tenant.registry.query.projection.batch.size").summaries().forEach(summary ->
                System.out.printf(Locale.ROOT, "REBUILD batch size %s: count %d, mean %.0f, max %.0f%n",
                        summary.getId().getTag("projection"), summary.count(), summary.mean(), summary.max()));
        System.out.printf(Locale.ROOT, "REBUILD tenant rows %d, msp_tenant rows %d%n%n",
                jdbc.sql("SELECT count(*) FROM tenant").query(Long.class).single(),
                jdbc.sql("SELECT count(*) FROM msp_tenant").query(Long.class).single());
    }

    private long applied(String projection) {
        return jdbc.sql("SELECT COALESCE(SUM(last_sequence + 1), 0) FROM projection_tracking WHERE projection = :p")
                .param("p", projection).query(Long.class).single();
    }

    private long produce(int tenants) {
        long events = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < tenants; i++) {
                List<TenantEventEnvelope> stream = stream(i);
                for (TenantEventEnvelope envelope : stream) {
                    producer.send(new ProducerRecord<>(TOPIC, envelope.tenantId().toString(), codec.write(envelope)));
                }
                events += stream.size();
            }
            producer.flush();
        }
        return events;
    }

    private double plainConsumerRate(long events) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "plain-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long read = 0;
            long started = System.nanoTime();
            while (read < events) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                read += records.count();
            }
            return read / ((System.nanoTime() - started) / 1e9);
        }
    }

    private List<TenantEventEnvelope> stream(int i) {
        UUID id = new UUID(0x7e7a_0000_0000_0000L | i, i);
        String word = WORDS[i % 10];
        String surname = surname((i / 10) % 100);
        String slug = (word + "-" + surname + "-" + i).toLowerCase(Locale.ROOT);
        String domain = i % 2 == 0 ? word.toLowerCase(Locale.ROOT) + "-" + i + ".example.com" : null;
        String description = i % 3 == 0 ? "Customer " + i + " of " + word : null;
        String name = word + " " + surname + " " + i;
        Instant created = START.plusSeconds(i * 63L % (730L * 86_400));
        TenantEvent createdEvent = new TenantCreated(id, name, slug, domain, "UTC", 10, Map.of(), Branding.NONE,
                new Profile(description, null, null, null, COUNTRIES[(i / 7) % 10]),
                String.format(Locale.ROOT, "partner-%03d", i % 100), i + 1);
        List<TenantEventEnvelope> stream = new java.util.ArrayList<>();
        stream.add(codec.wrap(createdEvent, UUID.randomUUID(), 0, created, "bench", "c-" + i, null, null));
        if (i % 10 == 0) {
            stream.add(codec.wrap(new TenantRenamed(id, name, name + " Ltd"), UUID.randomUUID(), stream.size(),
                    created.plusSeconds(60), "bench", "r-" + i, null, null));
        }
        if (i % 20 == 0) {
            stream.add(codec.wrap(new TenantSuspended(id, "unpaid"), UUID.randomUUID(), stream.size(),
                    created.plusSeconds(120), "bench", "s-" + i, null, null));
        }
        return stream;
    }

    private static String surname(int n) {
        char[] letters = new char[6];
        long seed = n * 2_654_435_761L + 17;
        for (int k = 0; k < 6; k++) {
            seed = seed * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
            letters[k] = (char) ('a' + (int) ((seed >>> 33) % 26));
        }
        return new String(letters);
    }
}
