package org.tenantregistry.command.audit;

/**
 * One event's link in its tenant's chain, as table {@code event_chain} keeps it.
 *
 * @param dataDigest SHA-256 of the canonical payload (the original one, for a redacted event), lowercase hex
 * @param hash       the link's hash, lowercase hex
 */
public record ChainLink(String tenantId, long sequence, String dataDigest, String hash) {
}
