package org.tenantregistry.command.publishing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tenantregistry.command.erasure.EventKeyShreddedException;
import org.tenantregistry.command.erasure.TenantKeys;
import org.tenantregistry.command.resource.RegisterResource;
import org.tenantregistry.command.resource.ResourceKind;
import org.tenantregistry.command.tenant.CreateTenant;
import org.tenantregistry.command.tenant.DeleteTenant;
import org.tenantregistry.command.tenant.PurgeTenant;
import org.tenantregistry.command.tenant.TenantDraft;
import org.tenantregistry.events.Profile;
import org.tenantregistry.events.SealedFields;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantEventEnvelope;
import org.tenantregistry.events.TenantTopics;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What a consumer reads of a tenant's personal data on the real topic (README "Erasure"): sealed fields that the
 * tenant's key opens while it lives, and that nobody can open once the purge destroyed the key, although Kafka keeps
 * every record.
 */
@SpringBootTest
class SealedPublicationIT extends WithEmbeddedKafka {

    private static final List<String> PERSONAL = List.of("Hauptstrasse 1", "Berlin", "10115", "ada@example.com");

    private final TenantEventCodec codec = new TenantEventCodec();

    @Autowired
    CommandGateway commands;
    @Autowired
    TenantKeys keys;

    private UUID tenantWithAnAddressAndAMember() {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new CreateTenant(id, new TenantDraft("Sealed", null, null, null, null, null, null,
                new Profile("Carrier", "Hauptstrasse 1", "Berlin", "10115", "DE"), null, null, null, null)));
        commands.sendAndWait(new RegisterResource(id, UUID.randomUUID(), ResourceKind.USERS,
                Map.of("email", "ada@example.com", "status", 1)));
        return id;
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
    }

    @Test
    void personalFieldsReachTheTopicSealedAndTheTenantsKeyOpensThem() {
        UUID id = tenantWithAnAddressAndAMember();

        try (TopicReader topic = new TopicReader(kafka.getBrokersAsString(), TenantTopics.TENANT_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.of(id.toString()).size() == 2);
            List<ConsumerRecord<String, byte[]>> records = topic.of(id.toString());

            assertThat(records).allSatisfy(record -> assertThat(text(record)).doesNotContain(PERSONAL));
            assertThat(text(records.get(0))).contains("Carrier", "\"country_code\":\"DE\"", SealedFields.PREFIX);
            byte[] key = Base64.getUrlDecoder().decode(keys.of(id).orElseThrow().key());
            TenantEventEnvelope created = codec.read(records.get(0).value());
            JsonNode profile = SealedFields.open(created.data(), key, id, created.eventId()).get("profile");
            assertThat(profile.get("address").asString()).isEqualTo("Hauptstrasse 1");
            assertThat(profile.get("city").asString()).isEqualTo("Berlin");
            assertThat(profile.get("post_code").asString()).isEqualTo("10115");
            TenantEventEnvelope member = codec.read(records.get(1).value());
            assertThat(SealedFields.open(member.data(), key, id, member.eventId()).get("email").asString())
                    .isEqualTo("ada@example.com");
        }
    }

    @Test
    void afterThePurgeNoConsumerCanReadThePersonalDataFromTheTopic() {
        UUID id = tenantWithAnAddressAndAMember();
        commands.sendAndWait(new DeleteTenant(id, 2L));
        commands.sendAndWait(new PurgeTenant(id, 3L));

        try (TopicReader topic = new TopicReader(kafka.getBrokersAsString(), TenantTopics.TENANT_EVENTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.of(id.toString()).size() == 5);
            List<ConsumerRecord<String, byte[]>> records = topic.of(id.toString());

            assertThat(records).allSatisfy(record -> assertThat(text(record)).doesNotContain(PERSONAL));
            assertThatThrownBy(() -> keys.of(id)).isInstanceOf(EventKeyShreddedException.class);
            TenantEventEnvelope created = codec.read(records.get(0).value());
            // what a consumer does without the key: the fields are erased for it too
            JsonNode profile = SealedFields.open(created.data(), null, id, created.eventId()).get("profile");
            assertThat(profile.get("address").isNull()).isTrue();
            assertThat(profile.get("description").asString()).isEqualTo("Carrier");
            assertThat(records.get(4).value()).as("tombstone").isNull();
        }
    }
}
