package org.tenantregistry.events;

/** Names on the Kafka side of the contract. */
public final class TenantTopics {

    /** Every tenant event, keyed by tenant id so that one tenant's events stay in order on one partition. */
    public static final String TENANT_EVENTS = "tenant-events";

    /** Record header with {@link TenantEventEnvelope#type()}, so consumers can filter without parsing the value. */
    public static final String TYPE_HEADER = "event_type";

    /** Record header with {@link TenantEventEnvelope#schemaVersion()}. */
    public static final String SCHEMA_VERSION_HEADER = "schema_version";

    private TenantTopics() {
    }
}
