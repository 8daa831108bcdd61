package org.tenantregistry.command.audit;

import org.junit.jupiter.api.Test;
import org.tenantregistry.events.TenantEventCodec;
import org.tenantregistry.events.TenantRenamed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two links of the README's worked example. The expected hex was computed outside this code, with {@code printf}
 * and {@code sha256sum} on the exact bytes and with the README's Python script on the rows.
 */
class ChainEncodingTest {

    private static final String TENANT = "6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20";
    private static final StoredEvent CREATED = new StoredEvent(TENANT, 0, "org.tenantregistry.events.TenantCreated",
            "2026-11-22T09:30:00.000Z", utf8("""
            {"tenant_id":"6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20","name":"Acme Telecom","slug":"acme",\
            "domain":"acme.example.com","timezone":"Europe/Berlin","max_extensions":50,\
            "settings":{"mfa_required":true},"branding":{"logo_url":"https://cdn.example.com/acme.png",\
            "accent_color":"#1A2B3C","currency":"EUR"},"profile":{"description":"Regional carrier",\
            "address":"Hauptstrasse 1","city":"Berlin","post_code":"10115","country_code":"DE"},\
            "partner_id":"partner-17","number":1042}"""), utf8("""
            {"correlation_id":"req-4711","actor":"ops@example.com","client_id":"console",\
            "client_address":"203.0.113.7","traceId":"a1","correlationId":"b2"}"""));
    private static final StoredEvent RENAMED = new StoredEvent(TENANT, 1, "org.tenantregistry.events.TenantRenamed",
            "2026-11-22T10:15:42.120Z", utf8("""
            {"tenant_id":"6f1c2a3e-8d4b-4c1a-9e2f-3b5d7a9c1e20","old_name":"Acme Telecom",\
            "new_name":"Acme Telecom GmbH"}"""), utf8("""
            {"correlation_id":"req-4712","actor":"ops@example.com","reason":"legal name\\nper contract",\
            "client_address":"203.0.113.7"}"""));

    private static final String CREATED_DIGEST = "dd02a08e116541ea89a8171978825a9eac7008c48d687d1d5c4ac55467a519af";
    private static final String CREATED_HASH = "f5a8954f79d853f5837bf9693c7fbc3c2b71d089b46db6f9905154cb36caf0d4";
    private static final String RENAMED_DIGEST = "1fe50c10427111d990f5005c9ad00f1cfb8d13d96534f425e48319c09916ed84";
    private static final String RENAMED_HASH = "49d1d4e05d19e935f63947287d89a77715fa3374808d4fd865fa8618890cafc3";

    @Test
    void theFirstLinkHashesTheGenesisTheEnvelopeFieldsTheAuditMetadataAndTheDataDigest() {
        assertThat(ChainEncoding.dataDigest(CREATED.payload())).isEqualTo(CREATED_DIGEST);
        assertThat(new String(ChainEncoding.hashInput(ChainEncoding.GENESIS, CREATED, CREATED_DIGEST),
                StandardCharsets.UTF_8)).isEqualTo("0".repeat(64) + "\n" + TENANT + "\n0\nTenantCreated\n"
                + "2026-11-22T09:30:00Z\n{\"actor\":\"ops@example.com\",\"client_id\":\"console\","
                + "\"correlation_id\":\"req-4711\"}\n" + CREATED_DIGEST);
        assertThat(ChainEncoding.hash(ChainEncoding.GENESIS, CREATED, CREATED_DIGEST)).isEqualTo(CREATED_HASH);
    }

    @Test
    void theNextLinkStartsFromThePreviousHashAndKeepsAFractionOfASecond() {
        assertThat(ChainEncoding.dataDigest(RENAMED.payload())).isEqualTo(RENAMED_DIGEST);
        assertThat(new String(ChainEncoding.hashInput(CREATED_HASH, RENAMED, RENAMED_DIGEST), StandardCharsets.UTF_8))
                .isEqualTo(CREATED_HASH + "\n" + TENANT + "\n1\nTenantRenamed\n2026-11-22T10:15:42.120Z\n"
                        + "{\"actor\":\"ops@example.com\",\"correlation_id\":\"req-4712\","
                        + "\"reason\":\"legal name\\nper contract\"}\n" + RENAMED_DIGEST);
        assertThat(ChainEncoding.hash(CREATED_HASH, RENAMED, RENAMED_DIGEST)).isEqualTo(RENAMED_HASH);
    }

    /** What a topic dump gives an auditor: the envelope's occurred_at and data hash the same as the stored row. */
    @Test
    void theEnvelopeOfAStoredEventCarriesTheSameTimeAndDataDigest() {
        TenantEventCodec codec = new TenantEventCodec();
        TenantRenamed renamed = codec.readEvent(RENAMED.payload(), TenantRenamed.class);
        for (String timeStamp : new String[]{"2026-11-22T09:30:00.000Z", "2026-11-22T10:15:42.120Z"}) {
            byte[] envelope = codec.write(codec.wrap(renamed, UUID.randomUUID(), 1, Instant.parse(timeStamp),
                    "ops@example.com", "req-4712", null, null));
            assertThat(new String(envelope, StandardCharsets.UTF_8))
                    .contains("\"occurred_at\":\"" + ChainEncoding.occurredAt(timeStamp) + "\"");
        }
        assertThat(ChainEncoding.dataDigest(codec.writeEvent(renamed))).isEqualTo(RENAMED_DIGEST);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
