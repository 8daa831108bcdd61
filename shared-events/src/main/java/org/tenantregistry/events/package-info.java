/**
 * The published contract of tenant-registry.
 *
 * <p>Every change to a tenant is one {@link org.tenantregistry.events.TenantEvent}, published on the Kafka topic
 * {@link org.tenantregistry.events.TenantTopics#TENANT_EVENTS} inside a {@link org.tenantregistry.events.TenantEventEnvelope}.
 * Field names on the wire are snake_case; instants are ISO-8601 strings in UTC. Records here are immutable and only
 * ever gain optional fields: a breaking change gets a new schema version and an upcaster, never an edit in place.
 * This package depends on Jackson alone so that any downstream service can use it.
 */
package org.tenantregistry.events;
