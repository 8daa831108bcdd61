package org.tenantregistry.query.web;

import org.tenantregistry.support.web.InvalidParametersException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.tenantregistry.events.TenantStatus;
import org.tenantregistry.query.projection.VersionToken;
import org.tenantregistry.query.tenant.TenantCursor;
import org.tenantregistry.query.tenant.TenantSort;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class QueryParametersTest {

    private final QueryParameters parameters = new QueryParameters();

    @Test
    void absentParametersTakeTheirDefaults() {
        assertThat(parameters.page(null)).isEqualTo(1);
        assertThat(parameters.perPage("")).isEqualTo(10);
        assertThat(parameters.sort(null)).isEqualTo(TenantSort.CREATED_AT_DESC);
        assertThat(parameters.includeDeleted(null)).isFalse();
        assertThat(parameters.minVersion(null)).isEmpty();
        parameters.verify();
    }

    @Test
    void valuesAreNormalised() {
        assertThat(parameters.status(" Suspended ")).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(parameters.countryCode("de")).isEqualTo("DE");
        assertThat(parameters.includeDeleted("TRUE")).isTrue();
        assertThat(parameters.sort("-slug")).isEqualTo(TenantSort.SLUG_DESC);
        parameters.verify();
    }

    @Test
    void minVersionTokensAreReadRepeatedOrCommaSeparated() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        List<VersionToken> tokens = parameters.minVersion(List.of(first + ":3", " " + second + ":1 "));

        assertThat(tokens).containsExactly(new VersionToken(first, 3), new VersionToken(second, 1));
    }

    @Test
    void outOfBoundsValuesAre422WithEveryFieldNamed() {
        parameters.perPage("101");
        parameters.page("0");
        parameters.status("sleeping");

        assertThatThrownBy(parameters::verify)
                .asInstanceOf(type(InvalidParametersException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.errors()).containsOnlyKeys("per_page", "page", "status");
                });
    }

    @Test
    void aSearchWithAControlCharacterOrAPageNumberBeyondTheMaximumOffsetIs422() {
        parameters.text("search", "acme\u001fglobex");
        parameters.offsetAtMost(102, 100, 10_000);
        parameters.offsetAtMost(101, 100, 10_000);

        assertThatThrownBy(parameters::verify)
                .asInstanceOf(type(InvalidParametersException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.errors()).containsOnlyKeys("search", "page");
                    assertThat(e.errors().get("page")).startsWith("must be at most 101 with per_page=100");
                });
    }

    @Test
    void aCursorIsReadBackOnlyForTheSortItWasMadeFor() {
        TenantCursor cursor = new TenantCursor(TenantSort.NAME, "acme | telecom", UUID.randomUUID());

        assertThat(parameters.cursor(cursor.encode(), TenantSort.NAME)).isEqualTo(cursor);
        parameters.verify();
        assertThat(parameters.cursor(cursor.encode(), TenantSort.SLUG)).isNull();
        assertThat(parameters.cursor("%%%", TenantSort.NAME)).isNull();
        assertThatThrownBy(parameters::verify)
                .asInstanceOf(type(InvalidParametersException.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void unreadableValuesMakeIt400AndAllProblemsAreListed() {
        parameters.perPage("101");
        parameters.minVersion(List.of("tenant-7:2"));

        assertThatThrownBy(parameters::verify)
                .asInstanceOf(type(InvalidParametersException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.errors()).containsOnlyKeys("per_page", "min_version");
                });
    }

    @Test
    void aVersionBelowOneIsNotAVersion() {
        parameters.minVersion(List.of(UUID.randomUUID() + ":0"));

        assertThatThrownBy(parameters::verify).isInstanceOf(InvalidParametersException.class);
    }
}
