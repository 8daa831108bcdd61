package org.tenantregistry.command.domain;

/**
 * Asks DNS, for real, through the configured resolvers. Each lookup asks for exactly one name and type, with no
 * search domains and no cache, so that a record the admin just created is seen at once.
 */
public interface DnsLookup {

    /** The CNAME record of the name, as its target(s). */
    DnsAnswer cname(String name);

    /** The TXT records of the name, each as its strings joined. */
    DnsAnswer txt(String name);
}
