package org.tenantregistry.command.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who this instance is in the token store, where the instances claim the segments of their tracking processors.
 *
 * @param nodeId the owner written on this instance's claims; unset, Axon's default, the JVM's name ({@code pid@host}),
 *               which tells instances apart unless they share it: two in one JVM, or containers that all run as the
 *               same pid under the same host name
 */
@ConfigurationProperties("tenant-registry.token-store")
public record TokenStoreNodeProperties(String nodeId) {
}
