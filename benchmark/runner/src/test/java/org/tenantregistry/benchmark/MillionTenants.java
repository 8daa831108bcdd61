package org.tenantregistry.benchmark;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tenantregistry.events.Branding;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantDeleted;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantEventTypes;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.events.TenantSuspended;
import org.tenantregistry.events.TenantTopics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The data set of DATASET.md as events: TenantCreated for tenant i (0..n-1), then TenantSuspended for i % 100 in 0..6
 * (7%) and TenantDeleted for i % 100 in 7..9 (3%), produced by a plain idempotent producer to the stack's topic (key =
 * tenant id), so that they reach the read models through the real projections.
 */
final class MillionTenants {

    static final String[] WORDS = {"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne",
            "Wonka", "Tyrell"};
    static final String[] COUNTRIES = {"US", "DE", "FR", "GB", "NL", "ES", "IT", "SE", "PL", "CA"};
    /** Two years back from a fixed day, so that every run makes the same data. */
    static final Instant FIRST_CREATED = Instant.parse("2024-12-01T00:00:00Z");
    private static final String[] SURNAMES = surnames();

    private final TenantEventCodec codec = new TenantEventCodec();

    /**
     * The same ids in every run, with bits as mixed as random ones: an id whose halves cancel out in
     * {@link UUID#hashCode()} (as {@code new UUID(c | i, i)} does) puts every tenant in one hash bucket of the
     * projections' per-batch maps, which real ids never do.
     */
    private static UUID tenantId(int i) {
        return UUID.nameUUIDFromBytes(("benchmark-tenant-" + i).getBytes(StandardCharsets.UTF_8));
    }

    /** 100 pseudo-random lower-case six-letter words from a fixed seed. */
    private static String[] surnames() {
        java.util.Random random = new java.util.Random(42);
        String[] names = new String[100];
        for (int n = 0; n < names.length; n++) {
            StringBuilder name = new StringBuilder();
            for (int c = 0; c < 6; c++) {
                name.append((char) ('a' + random.nextInt(26)));
            }
            names[n] = name.toString();
        }
        return names;
    }

    record Produced(long records, double seconds) {

        double perSecond() {
            return records / seconds;
        }
    }

    Produced produce(String bootstrapServers, int tenants) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long records = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < tenants; i++) {
                UUID id = tenantId(i);
                Instant created = FIRST_CREATED.plusSeconds(i * 63L);
                send(producer, failure, created(i, id), 0, created);
                records++;
                int bucket = i % 100;
                if (bucket < 7) {
                    send(producer, failure, new TenantSuspended(id, "unpaid invoice"), 1, created.plusSeconds(86400));
                    records++;
                } else if (bucket < 10) {
                    send(producer, failure, new TenantDeleted(id, TenantStatus.ACTIVE), 1, created.plusSeconds(86400));
                    records++;
                }
                if (failure.get() != null) {
                    throw failure.get();
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Produced(records, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The write workloads before the load create tenants through the command side, which numbers them from 1: the
     * generated tenants' numbers start far above, or the read model's unique number would refuse them.
     */
    private static final int GENERATED_NUMBERS_FROM = 100_000_000;

    private static TenantCreated created(int i, UUID id) {
        String word = WORDS[i % 10];
        String surname = SURNAMES[(i / 10) % 100];
        String name = word + " " + surname + " " + i;
        String slug = (word + "-" + surname + "-" + i).toLowerCase();
        String domain = i % 2 == 0 ? word.toLowerCase() + "-" + i + ".example.com" : null;
        String description = i % 3 == 0 ? "Customer " + i + " of " + word : null;
        String country = COUNTRIES[(i / 7) % 10];
        return new TenantCreated(id, name, slug, domain, "UTC", 100, Map.of(), Branding.NONE,
                new Profile(description, null, null, null, country), String.format("partner-%03d", i % 100),
                GENERATED_NUMBERS_FROM + i);
    }

    private void send(KafkaProducer<String, byte[]> producer, AtomicReference<Exception> failure, TenantEvent event,
                      long sequence, Instant occurredAt) {
        UUID eventId = new UUID(event.tenantId().getMostSignificantBits(), sequence);
        TenantEventEnvelope envelope = codec.wrap(event, eventId, sequence, occurredAt, "benchmark", "benchmark-load",
                null, null);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TenantTopics.TENANT_EVENTS,
                event.tenantId().toString(), codec.write(envelope));
        record.headers().add(TenantTopics.TYPE_HEADER, envelope.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add(TenantTopics.SCHEMA_VERSION_HEADER,
                Integer.toString(TenantEventTypes.CURRENT_SCHEMA_VERSION).getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, exception) -> {
            if (exception != null) {
                failure.compareAndSet(null, exception);
            }
        });
    }
}
