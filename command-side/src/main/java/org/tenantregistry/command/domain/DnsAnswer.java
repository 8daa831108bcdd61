package org.tenantregistry.command.domain;

import java.util.List;

/**
 * What DNS answered to one question.
 *
 * @param values the records' data when {@code status} is {@link Status#ANSWERED}: CNAME targets without the trailing
 *               dot, lower-case; TXT values with their strings joined; otherwise empty
 */
public record DnsAnswer(Status status, List<String> values) {

    public enum Status {
        /** The name has records of the type asked. */
        ANSWERED,
        /** The name does not exist (NXDOMAIN). */
        NXDOMAIN,
        /** The name exists but has no record of the type asked (NOERROR with an empty answer). */
        NO_DATA,
        /** No resolver answered within the timeout. */
        TIMEOUT,
        /** The resolvers answered with an error (SERVFAIL, REFUSED) or an unreadable message. */
        SERVER_FAILURE
    }

    public DnsAnswer {
        values = List.copyOf(values);
    }

    public static DnsAnswer of(Status status) {
        return new DnsAnswer(status, List.of());
    }

    public static DnsAnswer answered(List<String> values) {
        return new DnsAnswer(Status.ANSWERED, values);
    }
}
