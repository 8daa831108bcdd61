package org.tenantregistry.support.database;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * What a failure says about PostgreSQL, however Spring, Hibernate or Axon wrapped it: whether the database is away,
 * or whether it refused the data. The two never overlap: a failure of the data is no reason to answer 503, and an
 * absent database never makes an event a dead letter.
 */
public final class DatabaseFailures {

    /**
     * What Hikari's proxy of a connection it has closed throws, without an SQL state. The application never closes a
     * connection in the middle of its transaction; the pool does when a statement found it broken (the database went
     * away), and the transaction's next statement then gets this.
     */
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private DatabaseFailures() {
    }

    /**
     * PostgreSQL away (restarting, unreachable, the pool timed out waiting for a connection): a connection-class SQL
     * state (08), an operator or crash shutdown (57P01-57P03), Hikari's timeout or a connection Hikari closed as
     * broken, anywhere in the causes. Hikari reconnects by itself once the database is back. A commit lost with the
     * database may be followed by a rollback that fails too: Spring then throws the rollback's failure and keeps the
     * commit's as its application exception, which is looked at as well.
     */
    public static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollbackFailed
                    && rollbackFailed.getApplicationException() != null
                    && isDatabaseUnavailable(rollbackFailed.getApplicationException())) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getSQLState() == null
                    ? HIKARI_CLOSED_CONNECTION.equals(sql.getMessage())
                    : sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    /** SQLState class 22 (data exception) or 23 (integrity constraint): the same statement fails the same way again. */
    public static boolean isDataRefused(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }
}
