package org.tenantregistry.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** The status a deactivation applies to the tenant's members; on the wire as the integer code older APIs used. */
public enum MemberStatus {
    PASSIVE(0),
    ACTIVE(1),
    BANNED(2);

    private final int code;

    MemberStatus(int code) {
        this.code = code;
    }

    @JsonValue
    public int code() {
        return code;
    }

    @JsonCreator
    public static MemberStatus fromCode(int code) {
        return Arrays.stream(values())
                .filter(status -> status.code == code)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown user_status " + code + ", expected 0 (passive), 1 (active) or 2 (banned)"));
    }
}
