package org.tenantregistry.command.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionTagsTest {

    @Test
    void aVersionIsAStrongQuotedEntityTag() {
        assertThat(VersionTags.etag(7)).isEqualTo("\"7\"");
    }

    @Test
    void ifMatchAcceptsQuotedUnquotedAndWeakTags() {
        assertThat(VersionTags.expectedVersion("\"3\"")).isEqualTo(3L);
        assertThat(VersionTags.expectedVersion("3")).isEqualTo(3L);
        assertThat(VersionTags.expectedVersion("W/\"3\"")).isEqualTo(3L);
        assertThat(VersionTags.expectedVersion(" \"12\" ")).isEqualTo(12L);
    }

    @Test
    void noHeaderOrAStarMeansNoCondition() {
        assertThat(VersionTags.expectedVersion(null)).isNull();
        assertThat(VersionTags.expectedVersion("*")).isNull();
    }

    @Test
    void aTagThatIsNoVersionOfOursCanNeverMatch() {
        assertThat(VersionTags.expectedVersion("\"abc\"")).isEqualTo(VersionTags.NO_VERSION);
        assertThat(VersionTags.expectedVersion("\"99999999999999999999999\"")).isEqualTo(VersionTags.NO_VERSION);
    }

    @Test
    void aBlankHeaderOrOneThatIsNoEntityTagIsRefused() {
        for (String malformed : new String[]{"", "  ", "abc", "\"3", "3\"", "W/3", "w/\"3\"", "\"3\"x", "\"a\"b\""}) {
            assertThatThrownBy(() -> VersionTags.expectedVersion(malformed)).as(malformed)
                    .isInstanceOf(InvalidHeaderException.class);
        }
    }

    @Test
    void aListOfTagsIsRefused() {
        assertThatThrownBy(() -> VersionTags.expectedVersion("\"1\", \"2\"")).isInstanceOf(InvalidHeaderException.class);
    }
}
