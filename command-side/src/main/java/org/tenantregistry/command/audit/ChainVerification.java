package org.tenantregistry.command.audit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Recomputes a tenant's chain from the event store itself (payload, metadata, type and time of every stored event)
 * and compares each hash with the one recorded when the event was appended. The recorded links are the only thing
 * read from {@code event_chain}; nothing of the computation is taken from there.
 */
@Component
public class ChainVerification {

    static final String MISSING_EVENT = "the event is missing from the event store";
    static final String MISSING_LINK = "the event has no link in the chain";
    static final String PAYLOAD_CHANGED = "the payload differs from the one chained";
    static final String ENVELOPE_CHANGED = "the type, time or audit metadata differ from those chained";
    static final String UNREADABLE = "the stored event cannot be read";
    static final String REDACTION_MISMATCH = "the payload matches neither the chained digest nor its recorded "
            + "redaction";
    static final String REDACTION_NOT_OF_THE_CHAINED = "the redaction's original digest is not the chained one";

    private final EventChainStore store;

    ChainVerification(EventChainStore store) {
        this.store = store;
    }

    /** Empty when the event store has no event of the tenant and the chain no link. */
    @Transactional(readOnly = true)
    public Optional<Verification> verify(String tenantId) {
        List<StoredEvent> events = store.events(tenantId, 0, Long.MAX_VALUE);
        List<ChainLink> links = store.links(tenantId);
        if (events.isEmpty() && links.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, StoredEvent> bySequence = events.stream()
                .collect(Collectors.toMap(StoredEvent::sequence, Function.identity()));
        Map<Long, ChainLink> linkBySequence = links.stream()
                .collect(Collectors.toMap(ChainLink::sequence, Function.identity()));
        Map<Long, Redaction> redactions = store.redactions(tenantId).stream()
                .collect(Collectors.toMap(Redaction::sequence, Function.identity()));
        long last = Math.max(events.isEmpty() ? -1 : events.get(events.size() - 1).sequence(),
                links.isEmpty() ? -1 : links.get(links.size() - 1).sequence());
        String head = links.isEmpty() ? null : links.get(links.size() - 1).hash();

        List<Long> redacted = new ArrayList<>();
        String previous = ChainEncoding.GENESIS;
        for (long sequence = 0; sequence <= last; sequence++) {
            StoredEvent event = bySequence.get(sequence);
            ChainLink link = linkBySequence.get(sequence);
            if (event == null) {
                return broken(events, head, redacted, sequence, link == null ? null : link.hash(), null,
                        MISSING_EVENT);
            }
            String digest;
            try {
                digest = ChainEncoding.dataDigest(event.payload());
                ChainEncoding.hash(previous, event, digest);
            } catch (RuntimeException unreadable) {
                // not JSON, or a time stamp that is no time: edited by hand, since Axon writes neither
                return broken(events, head, redacted, sequence, link == null ? null : link.hash(), null,
                        UNREADABLE + ": " + unreadable.getMessage());
            }
            Redaction redaction = redactions.get(sequence);
            boolean asRedacted = redaction != null && !(link != null && digest.equals(link.dataDigest()));
            if (asRedacted) {
                if (!digest.equals(redaction.redactedDigest())) {
                    return broken(events, head, redacted, sequence, link == null ? null : link.hash(),
                            ChainEncoding.hash(previous, event, digest), REDACTION_MISMATCH);
                }
                digest = redaction.originalDigest();
            }
            String found = ChainEncoding.hash(previous, event, digest);
            if (link == null) {
                return broken(events, head, redacted, sequence, null, found, MISSING_LINK);
            }
            if (!found.equals(link.hash())) {
                String why = digest.equals(link.dataDigest()) ? ENVELOPE_CHANGED
                        : asRedacted ? REDACTION_NOT_OF_THE_CHAINED : PAYLOAD_CHANGED;
                return broken(events, head, redacted, sequence, link.hash(), found, why);
            }
            if (asRedacted) {
                redacted.add(sequence);
            }
            previous = found;
        }
        return Optional.of(new Verification(true, events.size(), head, null, List.copyOf(redacted)));
    }

    private static Optional<Verification> broken(List<StoredEvent> events, String head, List<Long> redacted,
                                                 long sequence, String expected, String found, String why) {
        return Optional.of(new Verification(false, events.size(), head,
                new Verification.Break(sequence, expected, found, why), List.copyOf(redacted)));
    }
}
