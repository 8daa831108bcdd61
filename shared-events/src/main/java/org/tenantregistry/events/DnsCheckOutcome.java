package org.tenantregistry.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** The result of one DNS check of a custom domain; on the wire in lower case. */
public enum DnsCheckOutcome {
    /** The CNAME points to the tenant's host, or the TXT record holds the token. */
    VERIFIED,
    /** The name does not exist in DNS. */
    NXDOMAIN,
    /** The name exists but has neither a CNAME nor a TXT record with the token. */
    NO_RECORDS,
    /** A CNAME exists but points elsewhere. */
    WRONG_TARGET,
    /** A TXT record exists but holds another value. */
    WRONG_TOKEN,
    /** No resolver answered in time. */
    TIMEOUT,
    /** The resolvers answered with an error (SERVFAIL, REFUSED). */
    SERVER_FAILURE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DnsCheckOutcome fromWireName(String value) {
        return Arrays.stream(values())
                .filter(outcome -> outcome.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown DNS check outcome '" + value + "'"));
    }
}
