package org.tenantregistry.command.web;

import org.tenantregistry.support.web.InvalidParametersException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.tenantregistry.command.audit.HistoryOrder;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AuditParametersTest {

    @Test
    void absentParametersTakeTheirDefaults() {
        AuditParameters parameters = new AuditParameters();

        assertThat(parameters.order(null)).isEqualTo(HistoryOrder.ASC);
        assertThat(parameters.limit(" ")).isEqualTo(AuditParameters.DEFAULT_LIMIT);
        assertThat(parameters.position("after", null)).isNull();
        assertThat(parameters.instant("from", null)).isNull();
        assertThat(parameters.types(null)).isEmpty();
        parameters.verify();
    }

    @Test
    void anInstantIsReadWithItsOffsetAndAnUnencodedPlusAsThePlusItWas() {
        AuditParameters parameters = new AuditParameters();

        assertThat(parameters.instant("as_of", "2026-12-04T10:30:00+01:00"))
                .isEqualTo(Instant.parse("2026-12-04T09:30:00Z"));
        assertThat(parameters.instant("as_of", "2026-12-04T10:30:00 01:00"))
                .isEqualTo(Instant.parse("2026-12-04T09:30:00Z"));
        assertThat(parameters.instant("as_of", "2026-12-04T09:30:00.123Z"))
                .isEqualTo(Instant.parse("2026-12-04T09:30:00.123Z"));
        parameters.verify();
    }

    @Test
    void eventTypesAreTheContractsNamesRepeatedOrCommaSeparated() {
        AuditParameters parameters = new AuditParameters();

        assertThat(parameters.types(List.of("TenantRenamed,TenantSuspended", "ExtensionRegistered")))
                .containsExactly("TenantRenamed", "TenantSuspended", "ExtensionRegistered");
        parameters.verify();
    }

    @Test
    void whatCannotBeReadIs400AndNamesEveryParameterAtOnce() {
        AuditParameters parameters = new AuditParameters();
        parameters.limit("ten");
        parameters.instant("from", "yesterday");
        parameters.order("sideways");

        InvalidParametersException refused = catchThrowableOfType(InvalidParametersException.class,
                parameters::verify);

        assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.errors()).containsOnlyKeys("limit", "from", "order");
    }

    @Test
    void whatIsOutOfBoundsIs422() {
        AuditParameters parameters = new AuditParameters();
        parameters.limit("501");
        parameters.position("after", "-1");
        parameters.atVersion("0");
        parameters.types(List.of("TenantTeleported"));
        parameters.timeRange(Instant.parse("2026-12-05T00:00:00Z"), Instant.parse("2026-12-04T00:00:00Z"));

        InvalidParametersException refused = catchThrowableOfType(InvalidParametersException.class,
                parameters::verify);

        assertThat(refused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(refused.errors()).containsOnlyKeys("limit", "after", "at_version", "type", "from");
        assertThat(refused.errors().get("type")).contains("TenantTeleported");
    }
}
