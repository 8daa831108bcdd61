package org.tenantregistry.command.tenant;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a request body's JSON may be, as the web layer's mapper reads it; the messages are the client's. */
class StrictJsonTest {

    private static final JsonMapper JSON = StrictJson.configure(JsonMapper.builder()).build();

    @Test
    void aDuplicateKeyIsNamedByItsPath() {
        assertThat(errorReading("{\"name\": \"a\", \"name\": \"b\"}", TenantDocument.class))
                .isEqualTo(new JsonFieldError("name", "is given more than once"));
        assertThat(errorReading("{\"settings\": {\"ui\": {\"theme\": 1, \"theme\": 2}}}", TenantDocument.class))
                .isEqualTo(new JsonFieldError("settings.ui.theme", "is given more than once"));
        assertThat(errorReading("{\"a\": [{\"b\": 1, \"b\": 1}]}", Map.class))
                .isEqualTo(new JsonFieldError("a.0.b", "is given more than once"));
    }

    @Test
    void scalarsAreNotCoercedFromOrToStrings() {
        assertThat(errorReading("{\"max_extensions\": \"50\"}", TenantDocument.class))
                .isEqualTo(new JsonFieldError("max_extensions", "must be an integer"));
        assertThat(errorReading("{\"max_extensions\": 1.5}", TenantDocument.class))
                .isEqualTo(new JsonFieldError("max_extensions", "must be an integer"));
        assertThat(errorReading("{\"name\": 12}", TenantDocument.class))
                .isEqualTo(new JsonFieldError("name", "must be a string"));
        assertThat(errorReading("{\"currency\": false}", TenantDocument.class))
                .isEqualTo(new JsonFieldError("currency", "must be a string"));
        assertThat(errorReading("{\"status\": 1}", TenantDocument.class).field()).isEqualTo("status");
    }

    @Test
    void valuesOfTheirOwnTypeAreReadAsWritten() {
        TenantDocument draft = JSON.readValue("{\"name\": \"Acme\", \"max_extensions\": 50, \"user_status\": 2}",
                TenantDocument.class);
        assertThat(draft.maxExtensions()).isEqualTo(50);
        assertThat(draft.userStatus()).isEqualTo(org.tenantregistry.events.MemberStatus.BANNED);
    }

    private static JsonFieldError errorReading(String json, Class<?> type) {
        JacksonException refused = catchThrowableOfType(JacksonException.class, () -> JSON.readValue(json, type));
        assertThat(refused).as(json).isNotNull();
        return JsonFieldError.of(refused).orElseThrow(() -> new AssertionError("no field named: " + refused));
    }
}
