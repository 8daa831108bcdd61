package org.tenantregistry.events;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire format is a promise to downstream services: each event must serialize to exactly its golden sample and
 * read back from it unchanged. A failure here means a breaking change, not a file to regenerate.
 */
class GoldenSamplesTest {

    private final TenantEventCodec codec = new TenantEventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyEventTypeHasAGoldenSample() {
        assertThat(SampleEvents.ALL).extracting(Object::getClass)
                .containsExactlyInAnyOrder(TenantEvent.class.getPermittedSubclasses());
    }

    @TestFactory
    Stream<DynamicTest> eachEventSerializesToItsGoldenSample() {
        return SampleEvents.ALL.stream().map(event -> DynamicTest.dynamicTest(typeOf(event), () ->
                assertThat(json.readTree(codec.writeEvent(event))).isEqualTo(golden(typeOf(event)))));
    }

    @TestFactory
    Stream<DynamicTest> eachGoldenSampleReadsBackAsTheSameEvent() {
        return SampleEvents.ALL.stream().map(event -> DynamicTest.dynamicTest(typeOf(event), () ->
                assertThat(codec.readEvent(json.writeValueAsBytes(golden(typeOf(event))), event.getClass()))
                        .isEqualTo(event)));
    }

    @Test
    void theEnvelopeHasItsDocumentedShape() throws IOException {
        TenantEventEnvelope envelope = codec.wrap(SampleEvents.ALL.get(0),
                UUID.fromString("0b6e7c1d-2f3a-4b5c-8d9e-0f1a2b3c4d5e"), 0,
                Instant.parse("2026-11-22T09:30:00Z"), "ops@example.com", "req-4711", "console",
                "contract signed, ticket OPS-4711");

        assertThat(json.readTree(codec.write(envelope))).isEqualTo(golden("envelope"));
        assertThat(codec.read(codec.write(envelope))).isEqualTo(envelope);
        assertThat(codec.eventOf(envelope)).contains(SampleEvents.ALL.get(0));
    }

    @Test
    void enumsTravelAsTheirDocumentedValues() {
        assertThat(Arrays.stream(TenantStatus.values()).map(TenantStatus::wireName))
                .containsExactly("active", "suspended", "deactivated", "deleted");
        assertThat(Arrays.stream(MemberStatus.values()).map(MemberStatus::code)).containsExactly(0, 1, 2);
    }

    private static String typeOf(TenantEvent event) {
        return TenantEventTypes.nameOf(event.getClass());
    }

    private JsonNode golden(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/" + name + ".json")) {
            assertThat(in).as("golden sample %s.json", name).isNotNull();
            return json.readTree(in);
        }
    }
}
