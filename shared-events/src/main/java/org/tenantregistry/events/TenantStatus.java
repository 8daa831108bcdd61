package org.tenantregistry.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** Where a tenant stands in its lifecycle; on the wire in lower case. A purged tenant has no status: it is gone. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED,
    DEACTIVATED,
    DELETED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TenantStatus fromWireName(String value) {
        return Arrays.stream(values())
                .filter(status -> status.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown status '" + value + "', expected one of active, suspended, deactivated, deleted"));
    }
}
