package org.tenantregistry.command.erasure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Which fields of an event's data are personal: sealed with the tenant's key on the topic, and erased from the
 * stored events when the tenant is purged.
 *
 * @param personalFields dotted member names of the events' data ({@code email}, {@code profile.address}); a name
 *                       applies to every event type that has it. Any string field may be named; the others are
 *                       ignored
 */
@ConfigurationProperties("tenant-registry.erasure")
public record ErasureProperties(
        @DefaultValue({"email", "profile.address", "profile.city", "profile.post_code"}) List<String> personalFields) {
}
