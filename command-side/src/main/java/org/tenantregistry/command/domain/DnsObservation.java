package org.tenantregistry.command.domain;

/**
 * What DNS said about a custom domain at one moment: the CNAME of the domain and the TXT records of
 * {@code _tenant-registry.<domain>}. The lookups run before the command that judges them, so that no tenant's stream
 * stays locked, nor a transaction open, while the resolvers are waited on.
 */
public record DnsObservation(DnsAnswer cname, DnsAnswer txt) {
}
