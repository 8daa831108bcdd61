package org.tenantregistry.query.support;

import org.tenantregistry.events.Branding;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.TenantCreated;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantEventTypes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * One tenant's event stream as the command side would publish it: contiguous sequences from 0, one second apart.
 */
public final class TenantStream {

    private static final TenantEventCodec CODEC = new TenantEventCodec();

    private final UUID tenantId;
    private Instant clock;
    private long nextSequence;

    private TenantStream(UUID tenantId, Instant start) {
        this.tenantId = tenantId;
        this.clock = start;
    }

    public static TenantStream newTenant() {
        return startingAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    public static TenantStream startingAt(Instant start) {
        return new TenantStream(UUID.randomUUID(), start);
    }

    public UUID tenantId() {
        return tenantId;
    }

    /** The version the command side answers after the events so far. */
    public long version() {
        return nextSequence;
    }

    public TenantEventEnvelope created(String name, String slug, String partnerId, String countryCode) {
        return next(new TenantCreated(tenantId, name, slug, slug + ".example.com", "Europe/Berlin", 10,
                Map.of("mfa_required", true), new Branding("https://cdn.example.com/" + slug + ".png", "#1A2B3C", "EUR"),
                new Profile("Tenant " + name, "Main street 1", "Berlin", "10115", countryCode), partnerId, null));
    }

    public TenantEventEnvelope next(TenantEvent event) {
        return at(nextSequence, event);
    }

    /** An event at a sequence of the test's choosing; later events continue after the highest one handed out. */
    public TenantEventEnvelope at(long sequence, TenantEvent event) {
        nextSequence = Math.max(nextSequence, sequence + 1);
        clock = clock.plus(Duration.ofSeconds(1));
        return CODEC.wrap(event, UUID.randomUUID(), sequence, clock, "test@example.com", "test-" + sequence, null,
                null);
    }

    /** An event type from a newer version of the contract than this one. */
    public TenantEventEnvelope unknown(String type) {
        ObjectNode data = JsonMapper.builder().build().createObjectNode().put("tenant_id", tenantId.toString());
        long sequence = nextSequence++;
        clock = clock.plus(Duration.ofSeconds(1));
        return new TenantEventEnvelope(UUID.randomUUID(), type, tenantId, sequence, clock, "test@example.com",
                "test-" + sequence, null, null, TenantEventTypes.CURRENT_SCHEMA_VERSION, data);
    }
}
