package org.tenantregistry.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedFieldsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PERSONAL = List.of("email", "profile.address", "profile.post_code");
    private static final UUID TENANT = SampleEvents.TENANT_ID;
    private static final UUID EVENT = UUID.fromString("5b0f3c8e-2f9a-4c1e-9d7b-3a6e1f2c4d5e");

    private final byte[] key = key(7);

    @Test
    void personalFieldsAreSealedAndTheRestStaysReadable() {
        JsonNode sealed = SealedFields.seal(data(), PERSONAL, key, TENANT, EVENT);

        assertThat(sealed.toString()).doesNotContain("ada@example.com", "Main Street 1", "10115");
        assertThat(SealedFields.isSealed(sealed.get("email"))).isTrue();
        assertThat(SealedFields.isSealed(sealed.get("profile").get("address"))).isTrue();
        assertThat(sealed.get("profile").get("city").asString()).isEqualTo("Berlin");
        assertThat(sealed.get("profile").get("post_code").isNull()).isFalse();
        assertThat(sealed.get("name").asString()).isEqualTo("Acme");
    }

    @Test
    void theTenantsKeyOpensWhatItSealed() {
        JsonNode sealed = SealedFields.seal(data(), PERSONAL, key, TENANT, EVENT);

        assertThat(SealedFields.open(sealed, key, TENANT, EVENT)).isEqualTo(data());
    }

    @Test
    void withoutTheKeyTheSealedFieldsAreErased() {
        JsonNode opened = SealedFields.open(SealedFields.seal(data(), PERSONAL, key, TENANT, EVENT), null, TENANT, EVENT);

        assertThat(opened.get("email").isNull()).isTrue();
        assertThat(opened.get("profile").get("address").isNull()).isTrue();
        assertThat(opened.get("profile").get("city").asString()).isEqualTo("Berlin");
    }

    @Test
    void theSameEventSealsToTheSameBytes() {
        assertThat(SealedFields.seal(data(), PERSONAL, key, TENANT, EVENT))
                .isEqualTo(SealedFields.seal(data(), PERSONAL, key, TENANT, EVENT));
        assertThat(SealedFields.seal(data(), PERSONAL, key, TENANT, UUID.randomUUID()).get("email"))
                .isNotEqualTo(SealedFields.seal(data(), PERSONAL, key, TENANT, EVENT).get("email"));
    }

    @Test
    void anotherKeyDoesNotOpenTheFields() {
        JsonNode sealed = SealedFields.seal(data(), PERSONAL, key, TENANT, EVENT);

        assertThatThrownBy(() -> SealedFields.open(sealed, key(8), TENANT, EVENT))
                .isInstanceOf(SealedValueException.class).hasMessageContaining("email");
    }

    @Test
    void aSealedValueMovedToAnotherEventDoesNotOpen() {
        JsonNode sealed = SealedFields.seal(data(), PERSONAL, key, TENANT, EVENT);

        assertThatThrownBy(() -> SealedFields.open(sealed, key, TENANT, UUID.randomUUID()))
                .isInstanceOf(SealedValueException.class);
    }

    @Test
    void aSealedValueThatIsNoBase64IsRefusedClearly() {
        JsonNode forged = JSON.readTree("{\"email\": \"sealed:v1:***\"}");

        assertThatThrownBy(() -> SealedFields.open(forged, key, TENANT, EVENT))
                .isInstanceOf(SealedValueException.class).hasMessageContaining("base64url");
    }

    @Test
    void anErasureNullsThePersonalFieldsAndKeepsTheRest() {
        JsonNode erased = SealedFields.erase(data(), PERSONAL);

        assertThat(erased.get("email").isNull()).isTrue();
        assertThat(erased.get("profile").get("address").isNull()).isTrue();
        assertThat(erased.get("profile").get("post_code").isNull()).isTrue();
        assertThat(erased.get("profile").get("city").asString()).isEqualTo("Berlin");
        assertThat(SealedFields.erase(JSON.readTree("{\"name\": \"x\"}"), PERSONAL).toString()).isEqualTo("{\"name\":\"x\"}");
    }

    /** The README's recipe, followed with the JDK alone, opens a sealed field: a consumer needs no code of ours. */
    @Test
    void theFormatIsTheOneTheReadmeSpecifies() throws Exception {
        String sealed = SealedFields.seal(data(), PERSONAL, key, TENANT, EVENT).get("email").asString();

        byte[] value = Base64.getUrlDecoder().decode(sealed.substring("sealed:v1:".length()));
        byte[] aad = (TENANT + "/" + EVENT + "/email").getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        assertThat(Arrays.copyOf(value, 12)).isEqualTo(Arrays.copyOf(mac.doFinal(aad), 12));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, value, 0, 12));
        cipher.updateAAD(aad);
        assertThat(new String(cipher.doFinal(value, 12, value.length - 12), StandardCharsets.UTF_8))
                .isEqualTo("ada@example.com");
    }

    private static JsonNode data() {
        return JSON.readTree("""
                {"tenant_id": "%s", "name": "Acme", "email": "ada@example.com",
                 "profile": {"address": "Main Street 1", "city": "Berlin", "post_code": "10115", "country_code": null}}
                """.formatted(TENANT));
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[SealedFields.KEY_BYTES];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
