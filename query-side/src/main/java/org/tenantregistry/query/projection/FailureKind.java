package org.tenantregistry.query.projection;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.tenantregistry.events.MalformedEnvelopeException;
import org.tenantregistry.support.database.DatabaseFailures;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Whose fault a failure of a projection is. Only the event's faults may end in the dead letters: an event must never
 * be set aside because the database was down, so when in doubt it is the infrastructure's.
 */
enum FailureKind {

    /**
     * The event's data: SQLState class 22 (data exception) or 23 (integrity constraint), or the projection's code.
     * The SQL states that mean the database is away ({@link DatabaseFailures#isDatabaseUnavailable}) are never these.
     */
    EVENT,
    /** Connection lost, database down or restarting, lock conflicts, anything else the database says: retried. */
    INFRASTRUCTURE;

    static FailureKind of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return DatabaseFailures.isDataRefused(sql) ? EVENT : INFRASTRUCTURE;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof TransactionException
                    || cause instanceof SQLException || cause instanceof IOException) {
                return INFRASTRUCTURE;
            }
        }
        // What is left was thrown by the projection's own mapping code (a conversion, a null, a bad value): it fails
        // the same way for this event every time.
        return EVENT;
    }

    static EventNotApplicableException.Reason reasonOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEnvelopeException) {
                return EventNotApplicableException.Reason.MALFORMED;
            }
        }
        return EventNotApplicableException.Reason.DATA_ERROR;
    }
}
