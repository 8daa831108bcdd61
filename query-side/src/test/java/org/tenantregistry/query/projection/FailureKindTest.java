package org.tenantregistry.query.projection;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.jdbc.UncategorizedSQLException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.DateTimeException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureKindTest {

    @Test
    void dataExceptionsAndIntegrityViolationsAreTheEventsFault() {
        for (String state : new String[] {"22021", "22P05", "22001", "23514", "23505"}) {
            assertThat(FailureKind.of(new DataIntegrityViolationException("refused", sql(state))))
                    .as(state).isEqualTo(FailureKind.EVENT);
        }
    }

    @Test
    void whatTheDatabaseSaysAboutItselfIsTheInfrastructures() {
        for (String state : new String[] {"08006", "57P01", "57P03", "40001", "53300", "25P02"}) {
            assertThat(FailureKind.of(new UncategorizedSQLException("apply", "INSERT", sql(state))))
                    .as(state).isEqualTo(FailureKind.INFRASTRUCTURE);
        }
    }

    @Test
    void aLostConnectionOrADatabaseThatIsDownIsNeverTheEventsFault() {
        assertThat(FailureKind.of(new CannotGetJdbcConnectionException("down", new SQLException("refused"))))
                .isEqualTo(FailureKind.INFRASTRUCTURE);
        assertThat(FailureKind.of(new CannotCreateTransactionException("down", new ConnectException("refused"))))
                .isEqualTo(FailureKind.INFRASTRUCTURE);
        assertThat(FailureKind.of(new OptimisticLockingFailureException("moved on concurrently")))
                .isEqualTo(FailureKind.INFRASTRUCTURE);
    }

    @Test
    void aFailureOfTheProjectionsOwnMappingCodeIsTheEventsFault() {
        assertThat(FailureKind.of(new DateTimeException("Invalid ID for region-based ZoneId")))
                .isEqualTo(FailureKind.EVENT);
        assertThat(FailureKind.of(new NullPointerException("profile"))).isEqualTo(FailureKind.EVENT);
        assertThat(FailureKind.of(new IllegalArgumentException("No enum constant"))).isEqualTo(FailureKind.EVENT);
    }

    private static SQLException sql(String state) {
        return new SQLException("ERROR " + state, state);
    }
}
