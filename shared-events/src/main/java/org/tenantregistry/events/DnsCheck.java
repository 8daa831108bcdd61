package org.tenantregistry.events;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * What one verification saw in DNS, so that the admin knows exactly what to fix.
 *
 * @param expectedCname the target the domain's CNAME must point to: the tenant's {@code <slug>.<base domain>}
 * @param cnameTargets  the CNAME targets the domain had (without trailing dots), empty when none
 * @param txtName       the name whose TXT record may hold the token instead, {@code _tenant-registry.<domain>}
 * @param txtValues     the TXT strings found there, empty when none
 * @param outcome       why it failed, or {@code verified}
 * @param detail        the same in a sentence for people, such as "assets.acme.com has no CNAME or TXT record"
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DnsCheck(String expectedCname, List<String> cnameTargets, String txtName, List<String> txtValues,
                       DnsCheckOutcome outcome, String detail) {

    /** The label a TXT record with the token goes under, before the domain. */
    public static final String TXT_PREFIX = "_tenant-registry.";

    public DnsCheck {
        cnameTargets = List.copyOf(cnameTargets);
        txtValues = List.copyOf(txtValues);
    }

    /** The name whose TXT record may hold a domain's token: {@code _tenant-registry.<domain>}. */
    public static String txtNameOf(String domain) {
        return TXT_PREFIX + domain;
    }
}
