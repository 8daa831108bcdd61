package org.tenantregistry.command.erasure;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;
import org.tenantregistry.command.audit.ChainEncoding;
import org.tenantregistry.command.audit.EventChainStore;
import org.tenantregistry.command.audit.Redaction;
import org.tenantregistry.command.audit.StoredEvent;
import org.tenantregistry.events.SealedFields;
import org.tenantregistry.events.TenantPurged;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A purge's erasure of the tenant's personal data, in the purge's own transaction (a subscribing processor, failing
 * loudly: see {@code AppendTransactionProcessors}), so that a tenant is never purged with its data left behind:
 * every stored event keeps its place, type, time and actor, with the personal fields null and the redaction recorded
 * for the chain; the snapshots and the stored idempotent answers go; the key of its sealed fields on the topic is
 * destroyed.
 */
@Component
@ProcessingGroup(Erasure.PROCESSING_GROUP)
public class Erasure {

    public static final String PROCESSING_GROUP = "erasure";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventChainStore events;
    private final ErasedEvents erased;
    private final EventKeys keys;
    private final List<String> personalFields;
    private final String reason;

    Erasure(EventChainStore events, ErasedEvents erased, EventKeys keys, ErasureProperties properties) {
        this.events = events;
        this.erased = erased;
        this.keys = keys;
        this.personalFields = List.copyOf(properties.personalFields());
        this.reason = "tenant purged: personal fields " + String.join(", ", personalFields) + " erased";
    }

    @EventHandler
    void on(TenantPurged purged, DomainEventMessage<?> message) {
        String tenantId = message.getAggregateIdentifier();
        Instant at = message.getTimestamp();
        for (StoredEvent event : events.events(tenantId, 0, message.getSequenceNumber() - 1)) {
            JsonNode payload = JSON.readTree(event.payload());
            JsonNode withoutPersonalData = SealedFields.erase(payload, personalFields);
            if (!withoutPersonalData.equals(payload)) {
                byte[] rewritten = JSON.writeValueAsBytes(withoutPersonalData);
                erased.rewrite(tenantId, event.sequence(), rewritten);
                // The original digest is the stored payload's as found: one edited by hand before the purge stays
                // told from its chained digest, and the verification names it.
                events.addRedaction(new Redaction(tenantId, event.sequence(), ChainEncoding.dataDigest(event.payload()),
                        ChainEncoding.dataDigest(rewritten), at, reason));
            }
        }
        erased.deleteSnapshots(tenantId);
        erased.forgetAnswers(tenantId);
        keys.shred(UUID.fromString(tenantId), at);
    }
}
