package org.tenantregistry.command.tenant;

/** The metadata every command carries and every event it causes inherits. */
public final class CommandMetadata {

    public static final String CORRELATION_ID = "correlation_id";
    public static final String ACTOR = "actor";
    public static final String REASON = "reason";
    public static final String CLIENT_ADDRESS = "client_address";
    /** The OAuth2 client the actor's token was issued to. */
    public static final String CLIENT_ID = "client_id";

    /** What events inherit. */
    public static final String[] KEYS = {CORRELATION_ID, ACTOR, CLIENT_ID, REASON, CLIENT_ADDRESS};

    /**
     * The partner an MSP admin's token is bound to: the command may touch only that partner's tenants. It decides
     * access and stays on the command; the actor on the events says who acted.
     */
    public static final String CALLER_PARTNER = "caller_partner";

    private CommandMetadata() {
    }
}
