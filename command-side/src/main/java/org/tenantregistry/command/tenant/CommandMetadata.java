package org.tenantregistry.command.tenant;

/** The metadata every command carries and every event it causes inherits. */
public final class CommandMetadata {

    public static final String CORRELATION_ID = "correlation_id";
    public static final String ACTOR = "actor";
    public static final String REASON = "reason";
    public static final String CLIENT_ADDRESS = "client_address";

    public static final String[] KEYS = {CORRELATION_ID, ACTOR, REASON, CLIENT_ADDRESS};

    private CommandMetadata() {
    }
}
