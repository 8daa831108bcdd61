package org.tenantregistry.command.web;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tenantregistry.command.audit.ChainCheckpoints;
import org.tenantregistry.command.audit.ChainEncoding;
import org.tenantregistry.command.audit.Checkpoint;
import org.tenantregistry.events.TenantEvent;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.support.security.Scopes;
import org.tenantregistry.support.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tamper evidence over real HTTP and the real event store: every event linked in its own transaction, the chain
 * recomputed from {@code domain_event_entry}, stored events edited by hand in SQL and found out exactly where, a
 * recorded redaction told from tampering, and the checkpoints over all chain heads.
 */
class EventChainIT extends WebIntegrationTest {

    @Autowired
    ChainCheckpoints checkpoints;

    /** A tenant with four events: created (0), renamed and its quota changed in one command (1, 2), suspended (3). */
    private String tenantWithFourEvents() {
        String id = api.create("{\"name\": \"Chained\", \"slug\": \"" + unique("chain") + "\", \"max_extensions\": 10,"
                + " \"address\": \"Hauptstrasse 1\"}");
        assertThat(api.send("PATCH", "/api/tenants/" + id, "{\"name\": \"Chained Two\", \"max_extensions\": 20}",
                "If-Match", "\"1\"").status()).isEqualTo(200);
        assertThat(api.send("PUT", "/api/tenants/" + id + "/suspend", "{\"reason\": \"invoice unpaid\"}",
                "X-Change-Reason", "dunning level 3").status()).isEqualTo(200);
        assertThat(eventTypesOf(id)).containsExactly("TenantCreated", "TenantRenamed", "TenantMaxExtensionsChanged",
                "TenantSuspended");
        return id;
    }

    private JsonNode verify(String id) {
        Api.Answer answer = api.send("GET", "/api/tenants/" + id + "/history/verify", (String) null);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private String recordedHash(String id, long sequence) {
        return jdbc.sql("SELECT hash FROM event_chain WHERE tenant_id = ? AND sequence = ?").param(id).param(sequence)
                .query(String.class).single();
    }

    private String recordedDigest(String id, long sequence) {
        return jdbc.sql("SELECT data_digest FROM event_chain WHERE tenant_id = ? AND sequence = ?").param(id)
                .param(sequence).query(String.class).single();
    }

    /** Replaces text in a stored event's column, as someone with write access to the database would. */
    private void edit(String id, long sequence, String column, String from, String to) {
        int rows = jdbc.sql("UPDATE domain_event_entry SET " + column + " = convert_to(replace(convert_from(" + column
                        + ", 'UTF8'), ?, ?), 'UTF8') WHERE aggregate_identifier = ? AND sequence_number = ? "
                        + "AND position(? in convert_from(" + column + ", 'UTF8')) > 0")
                .param(from).param(to).param(id).param(sequence).param(from).update();
        assertThat(rows).as("rows edited").isEqualTo(1);
    }

    @Test
    void theChainOfAFreshTenantVerifies() {
        String id = tenantWithFourEvents();

        JsonNode verification = verify(id);

        assertThat(verification.get("verified").asBoolean()).isTrue();
        assertThat(verification.get("events").asInt()).isEqualTo(4);
        assertThat(verification.get("head").asString()).isEqualTo(recordedHash(id, 3)).hasSize(64);
        assertThat(verification.get("first_broken").isNull()).isTrue();
        assertThat(verification.get("redactions").isEmpty()).isTrue();
    }

    @Test
    void everyEventIsLinkedWithTheDigestOfTheDataTheTopicCarries() {
        String id = tenantWithFourEvents();
        TenantEventCodec codec = new TenantEventCodec();

        List<? extends DomainEventMessage<?>> events = eventsOf(id);
        assertThat(jdbc.sql("SELECT count(*) FROM event_chain WHERE tenant_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(4);
        for (DomainEventMessage<?> event : events) {
            // the envelope's data is the codec's JSON of the event: an auditor of a topic dump gets the same digest
            // (once the sealed personal fields are opened with the tenant's key)
            assertThat(ChainEncoding.dataDigest(codec.writeEvent((TenantEvent) event.getPayload())))
                    .as("sequence %d", event.getSequenceNumber())
                    .isEqualTo(recordedDigest(id, event.getSequenceNumber()));
        }
    }

    @Test
    void anEditedPayloadBreaksTheChainExactlyAtThatEvent() {
        String id = tenantWithFourEvents();
        String before = recordedHash(id, 1);

        edit(id, 1, "payload", "Chained Two", "Chained Too");
        JsonNode verification = verify(id);

        assertThat(verification.get("verified").asBoolean()).isFalse();
        assertThat(verification.get("events").asInt()).isEqualTo(4);
        JsonNode broken = verification.get("first_broken");
        assertThat(broken.get("sequence").asLong()).isEqualTo(1);
        assertThat(broken.get("expected").asString()).isEqualTo(before);
        assertThat(broken.get("found").asString()).hasSize(64).isNotEqualTo(before);
        assertThat(broken.get("why").asString()).isEqualTo("the payload differs from the one chained");
    }

    @Test
    void aPayloadEditThatChangesOnlyWhitespaceOrMemberOrderIsNoChange() {
        String id = tenantWithFourEvents();

        edit(id, 2, "payload", "{", "{ ");

        assertThat(verify(id).get("verified").asBoolean()).isTrue();
    }

    @Test
    void editedMetadataBreaksTheChainAtThatEvent() {
        String id = tenantWithFourEvents();

        edit(id, 3, "meta_data", "dunning level 3", "dunning level 1");
        JsonNode verification = verify(id);

        assertThat(verification.get("verified").asBoolean()).isFalse();
        assertThat(verification.get("first_broken").get("sequence").asLong()).isEqualTo(3);
        assertThat(verification.get("first_broken").get("why").asString())
                .isEqualTo("the type, time or audit metadata differ from those chained");
    }

    @Test
    void anEditedTimeOrActorIsFoundOutToo() {
        String id = tenantWithFourEvents();
        String stamp = jdbc.sql("SELECT time_stamp FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 2").param(id).query(String.class).single();

        jdbc.sql("UPDATE domain_event_entry SET time_stamp = ? WHERE aggregate_identifier = ? AND sequence_number = 2")
                .param(Instant.parse(stamp).minusSeconds(3600).toString()).param(id).update();
        JsonNode verification = verify(id);

        assertThat(verification.get("first_broken").get("sequence").asLong()).isEqualTo(2);
        jdbc.sql("UPDATE domain_event_entry SET time_stamp = ? WHERE aggregate_identifier = ? AND sequence_number = 2")
                .param(stamp).param(id).update();
        assertThat(verify(id).get("verified").asBoolean()).isTrue();
        edit(id, 0, "meta_data", "\"actor\":\"test-admin\"", "\"actor\":\"someone-else\"");
        assertThat(verify(id).get("first_broken").get("sequence").asLong()).isEqualTo(0);
    }

    @Test
    void aDeletedEventIsNamedAsMissing() {
        String id = tenantWithFourEvents();

        jdbc.sql("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 2").param(id)
                .update();
        JsonNode broken = verify(id).get("first_broken");

        assertThat(broken.get("sequence").asLong()).isEqualTo(2);
        assertThat(broken.get("expected").asString()).isEqualTo(recordedHash(id, 2));
        assertThat(broken.get("found").isNull()).isTrue();
        assertThat(broken.get("why").asString()).isEqualTo("the event is missing from the event store");
    }

    @Test
    void aRecordedRedactionVerifiesAsARedactionAndAnUnrecordedOneAsTampering() {
        String id = tenantWithFourEvents();
        String original = recordedDigest(id, 0);

        edit(id, 0, "payload", "Hauptstrasse 1", "[erased]");
        assertThat(verify(id).get("first_broken").get("sequence").asLong()).isEqualTo(0);
        byte[] redacted = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 0").param(id).query(byte[].class).single();
        jdbc.sql("""
                        INSERT INTO event_redaction (tenant_id, sequence, original_digest, redacted_digest, redacted_at, reason)
                        VALUES (?, 0, ?, ?, ?, 'purge: personal data')""")
                .param(id).param(original).param(ChainEncoding.dataDigest(redacted))
                .param(Timestamp.from(Instant.now())).update();
        JsonNode verification = verify(id);

        assertThat(verification.get("verified").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("redactions").valueStream().map(JsonNode::asLong)).containsExactly(0L);
        // an edit beyond the recorded redaction is tampering again
        edit(id, 0, "payload", "[erased]", "[erased!]");
        JsonNode tampered = verify(id);
        assertThat(tampered.get("verified").asBoolean()).isFalse();
        assertThat(tampered.get("first_broken").get("sequence").asLong()).isEqualTo(0);
        assertThat(tampered.get("first_broken").get("why").asString())
                .isEqualTo("the payload matches neither the chained digest nor its recorded redaction");
    }

    @Test
    void aForgedRedactionOfAnotherOriginalDoesNotVerify() {
        String id = tenantWithFourEvents();

        edit(id, 1, "payload", "Chained Two", "Chained Too");
        byte[] edited = jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 1").param(id).query(byte[].class).single();
        jdbc.sql("""
                        INSERT INTO event_redaction (tenant_id, sequence, original_digest, redacted_digest, redacted_at, reason)
                        VALUES (?, 1, ?, ?, ?, 'forged')""")
                .param(id).param("0".repeat(64)).param(ChainEncoding.dataDigest(edited))
                .param(Timestamp.from(Instant.now())).update();
        JsonNode broken = verify(id).get("first_broken");

        assertThat(broken.get("sequence").asLong()).isEqualTo(1);
        assertThat(broken.get("why").asString()).isEqualTo("the redaction's original digest is not the chained one");
    }

    @Test
    void eventsStoredWithoutLinksAreLinkedByTheNextCheckpointAndByTheNextEvent() {
        String id = tenantWithFourEvents();
        String head = recordedHash(id, 3);

        jdbc.sql("DELETE FROM event_chain WHERE tenant_id = ? AND sequence >= 2").param(id).update();
        JsonNode unlinked = verify(id).get("first_broken");
        assertThat(unlinked.get("sequence").asLong()).isEqualTo(2);
        assertThat(unlinked.get("why").asString()).isEqualTo("the event has no link in the chain");
        checkpoints.take();
        assertThat(recordedHash(id, 3)).isEqualTo(head);

        jdbc.sql("DELETE FROM event_chain WHERE tenant_id = ? AND sequence >= 1").param(id).update();
        assertThat(api.send("PUT", "/api/tenants/" + id + "/reactivate", (String) null).status()).isEqualTo(200);
        assertThat(recordedHash(id, 3)).isEqualTo(head);
        assertThat(verify(id).get("events").asInt()).isEqualTo(5);
        assertThat(verify(id).get("verified").asBoolean()).isTrue();
    }

    @Test
    void aCheckpointHashesEveryTenantsHeadAndIsListedNewestFirst() throws Exception {
        String id = tenantWithFourEvents();

        Checkpoint first = checkpoints.take();
        Checkpoint again = checkpoints.take();
        assertThat(api.send("PUT", "/api/tenants/" + id + "/reactivate", (String) null).status()).isEqualTo(200);
        Checkpoint second = checkpoints.take();

        assertThat(again.id()).as("the same heads are not stored twice").isEqualTo(first.id());
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(second.root()).isNotEqualTo(first.root());
        Api.Answer heads = api.send("GET", "/api/audit/checkpoints/" + second.id() + "/heads", (String) null);
        assertThat(heads.status()).isEqualTo(200);
        assertThat(heads.header("Content-Type")).startsWith("text/plain");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(heads.text().getBytes(StandardCharsets.UTF_8)))).isEqualTo(second.root());
        List<String> lines = heads.text().lines().toList();
        assertThat(lines).hasSize(second.tenants()).isSorted().contains(id + " 4 " + recordedHash(id, 4));
        assertThat(lines).noneMatch(line -> line.startsWith(id + " 3 "));
        assertThat(heads.text()).endsWith("\n");

        JsonNode listed = api.send("GET", "/api/audit/checkpoints?limit=2", (String) null).json().get("checkpoints");
        assertThat(listed.valueStream().map(checkpoint -> checkpoint.get("id").asLong()))
                .containsExactly(second.id(), first.id());
        assertThat(listed.get(0).get("root").asString()).isEqualTo(second.root());
        assertThat(listed.get(0).get("tenants").asInt()).isEqualTo(second.tenants());
        assertThat(listed.get(0).get("created_at").asString()).isNotBlank();
    }

    @Test
    void unknownTenantsAndCheckpointsAnswer404AndABadLimit422() {
        Api.Answer tenant = api.send("GET", "/api/tenants/" + java.util.UUID.randomUUID() + "/history/verify",
                (String) null);
        Api.Answer checkpoint = api.send("GET", "/api/audit/checkpoints/999999999/heads", (String) null);
        Api.Answer limit = api.send("GET", "/api/audit/checkpoints?limit=0", (String) null);

        assertThat(tenant.status()).isEqualTo(404);
        assertThat(tenant.json().get("type").asString()).endsWith(":tenant-not-found");
        assertThat(checkpoint.status()).isEqualTo(404);
        assertThat(checkpoint.json().get("type").asString()).endsWith(":checkpoint-not-found");
        assertThat(limit.status()).isEqualTo(422);
    }

    @Test
    void onlyAnAuditorOfTheWholeRegistryVerifies() {
        String id = api.create("{\"name\": \"Audited\", \"partner_id\": \"partner-audit\"}");
        String path = "/api/tenants/" + id + "/history/verify";

        Api.Answer withoutScope = Api.withToken(port, TestTokens.token()
                .scopes(Scopes.TENANTS_READ, Scopes.TENANTS_WRITE, Scopes.REGISTRY_ADMIN).sign()).send("GET", path,
                (String) null);
        Api.Answer partners = Api.withToken(port, TestTokens.token().partner("partner-audit").sign())
                .send("GET", path, (String) null);
        Api.Answer auditor = Api.withToken(port, TestTokens.token().scopes(Scopes.AUDIT_READ).sign())
                .send("GET", path, (String) null);

        assertThat(withoutScope.status()).isEqualTo(403);
        assertThat(partners.status()).isEqualTo(403);
        assertThat(auditor.status()).isEqualTo(200);
    }
}
