package org.tenantregistry.support.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08006", "57P01", "57P02", "57P03"})
    void aConnectionOrShutdownStateAnywhereInTheCausesMeansTheDatabaseIsAway(String state) {
        RuntimeException wrapped = new IllegalStateException("wrapped", new SQLException("away", state));

        assertThat(DatabaseFailures.isDatabaseUnavailable(wrapped)).isTrue();
        assertThat(DatabaseFailures.isDataRefused(new SQLException("away", state))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"22021", "22P02", "23505", "23502"})
    void aDataOrConstraintStateIsTheDataRefusedAndNoAbsentDatabase(String state) {
        SQLException refused = new SQLException("refused", state);

        assertThat(DatabaseFailures.isDataRefused(refused)).isTrue();
        assertThat(DatabaseFailures.isDatabaseUnavailable(new DataIntegrityViolationException("x", refused)))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"40001", "40P01", "55P03", "42P01"})
    void aConflictOrAnyOtherStateIsNeitherTheDataNorAnAbsentDatabase(String state) {
        SQLException other = new SQLException("other", state);

        assertThat(DatabaseFailures.isDataRefused(other)).isFalse();
        assertThat(DatabaseFailures.isDatabaseUnavailable(other)).isFalse();
    }

    @Test
    void thePoolTimingOutOrSpringSayingTheResourceFailedMeansTheDatabaseIsAway() {
        assertThat(DatabaseFailures.isDatabaseUnavailable(new SQLTransientConnectionException("pool timed out")))
                .isTrue();
        assertThat(DatabaseFailures.isDatabaseUnavailable(new DataAccessResourceFailureException("gone"))).isTrue();
    }

    @Test
    void aCommitLostWithTheDatabaseIsTheDatabaseAwayThoughTheRollbackAfterItFailedToo() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException("JDBC commit",
                new SQLException("terminating connection due to administrator command", "57P01")));

        assertThat(DatabaseFailures.isDatabaseUnavailable(rollbackFailed)).isTrue();
        assertThat(DatabaseFailures.isDatabaseUnavailable(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is gone")))).isFalse();
    }

    @Test
    void aStatementOnAConnectionThePoolClosedAsBrokenMeansTheDatabaseIsAway() {
        RuntimeException axon = new IllegalStateException("Failed to create a SQL statement",
                new SQLException("Connection is closed"));

        assertThat(DatabaseFailures.isDatabaseUnavailable(axon)).isTrue();
        assertThat(DatabaseFailures.isDatabaseUnavailable(new SQLException("Connection is closed", "42000")))
                .isFalse();
    }
}
