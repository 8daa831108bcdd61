package org.tenantregistry.query.projection;

import org.tenantregistry.events.TenantEventEnvelope;

/**
 * An event a projection cannot apply through its own fault, not the infrastructure's: retrying it for ever would stop
 * its tenant and every tenant behind it on the partition. The error handler retries a data error briefly, then the
 * event becomes a dead letter and its tenant's later events wait behind it.
 */
public class EventNotApplicableException extends RuntimeException {

    /** Why; the wire name is what the dead letter's {@code reason} says. */
    public enum Reason {
        /** A type this version of the contract does not know: a deploy that knows it replays the dead letter. */
        UNKNOWN_TYPE("unknown-type", false),
        /** The data does not fit its event type: no retry can change that. */
        MALFORMED("malformed", false),
        /** The read model refused the data (SQLState class 22 or 23), or the projection's code failed on it. */
        DATA_ERROR("data-error", true);

        private final String wireName;
        private final boolean worthRetrying;

        Reason(String wireName, boolean worthRetrying) {
            this.wireName = wireName;
            this.worthRetrying = worthRetrying;
        }

        public String wireName() {
            return wireName;
        }

        /** Data errors are retried a little, in case the read model changes meanwhile (a concurrent rebuild). */
        public boolean worthRetrying() {
            return worthRetrying;
        }
    }

    private final String projection;
    private final transient TenantEventEnvelope envelope;
    private final Reason reason;

    EventNotApplicableException(String projection, TenantEventEnvelope envelope, Reason reason, String message,
                                Throwable cause) {
        super("projection " + projection + " cannot apply " + envelope.type() + " of tenant " + envelope.tenantId()
                + " (sequence " + envelope.sequence() + "): " + message, cause);
        this.projection = projection;
        this.envelope = envelope;
        this.reason = reason;
    }

    public String projection() {
        return projection;
    }

    /** The event that failed, which may be a parked one applied behind the record being handled. */
    public TenantEventEnvelope envelope() {
        return envelope;
    }

    public Reason reason() {
        return reason;
    }

    /** The class of what went wrong underneath, for the dead letter. */
    String errorClass() {
        return getCause() == null ? getClass().getName() : rootCause().getClass().getName();
    }

    /** What went wrong underneath, with the SQLState when the database said it. */
    String errorMessage() {
        if (getCause() == null) {
            return getMessage();
        }
        Throwable root = rootCause();
        String state = root instanceof java.sql.SQLException sql && sql.getSQLState() != null
                ? "SQLState " + sql.getSQLState() + ": " : "";
        return state + root.getMessage();
    }

    boolean concerns(TenantEventEnvelope other) {
        return envelope.tenantId().equals(other.tenantId()) && envelope.sequence() == other.sequence();
    }

    private Throwable rootCause() {
        Throwable root = getCause();
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }
}
