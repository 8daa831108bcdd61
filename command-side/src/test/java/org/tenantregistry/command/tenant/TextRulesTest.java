package org.tenantregistry.command.tenant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTest {

    @Test
    void aLineOfTextInAnyScriptIsAcceptable() {
        assertThat(TextRules.problemWithLine("Müller & Söhne GmbH")).isNull();
        assertThat(TextRules.problemWithLine("東京 \ud83d\ude00 Ελλάδα")).isNull();
        assertThat(TextRules.problemWithLine("")).isNull();
    }

    @Test
    void aLineRefusesEveryControlCharacterNamingItAndWhereItIs() {
        assertThat(TextRules.problemWithLine("Acme\u0000"))
                .isEqualTo("must be one line without control characters (U+0000 at character 5)");
        assertThat(TextRules.problemWithLine("a\tb")).contains("U+0009");
        assertThat(TextRules.problemWithLine("a\nb")).contains("U+000A");
        assertThat(TextRules.problemWithLine("a\rb")).contains("U+000D");
        assertThat(TextRules.problemWithLine("a\u007fb")).contains("U+007F");
        assertThat(TextRules.problemWithLine("a\u009bb")).contains("U+009B");
        assertThat(TextRules.problemWithLine("a\u2028b")).contains("U+2028");
    }

    @Test
    void freeTextAcceptsTabsLineFeedsAndCrlfOnly() {
        assertThat(TextRules.problemWithText("one\n\ttwo\r\nthree")).isNull();
        assertThat(TextRules.problemWithText("one\rtwo")).isEqualTo(
                "must not contain control characters other than tab and line breaks (U+000D at character 4)");
        assertThat(TextRules.problemWithText("trailing\r")).contains("U+000D");
        assertThat(TextRules.problemWithText("bell\u0007")).contains("U+0007");
        assertThat(TextRules.problemWithText("nul\u0000")).contains("U+0000");
    }

    @Test
    void aLoneSurrogateIsRefusedWhereverItStands() {
        assertThat(TextRules.problemWithLine("x\ud800"))
                .isEqualTo("must not contain a lone surrogate (U+D800 at character 2)");
        assertThat(TextRules.problemWithText("\udc00x")).contains("U+DC00 at character 1");
        assertThat(TextRules.problemWithLine("\ude00\ud83d")).contains("lone surrogate");
    }

    @Test
    void aLineRefusesControlsThatReorderWhatIsShownButKeepsTheMarksRightToLeftNamesNeed() {
        assertThat(TextRules.problemWithLine("acme\u202egpj.exe"))
                .isEqualTo("must not contain bidirectional override or isolate controls (U+202E at character 5)");
        assertThat(TextRules.problemWithLine("\u2066admin\u2069")).contains("U+2066 at character 1");
        assertThat(TextRules.problemWithLine("\u05e9\u05dc\u05d5\u05dd\u200f 2")).isNull();
    }

    @Test
    void positionsCountCharactersNotUtf16Units() {
        assertThat(TextRules.problemWithLine("\ud83d\ude00\u0000")).contains("at character 2");
    }

    @Test
    void textIsVisibleWhenAnyCharacterShows() {
        assertThat(TextRules.hasVisibleCharacter("a")).isTrue();
        assertThat(TextRules.hasVisibleCharacter("\u200b.\u200b")).isTrue();
        assertThat(TextRules.hasVisibleCharacter("\ud83d\ude00")).isTrue();
    }

    @Test
    void whiteSpaceFormatCharactersFillersAndLoneMarksAreInvisible() {
        assertThat(TextRules.hasVisibleCharacter("\u200b\u2060\ufeff")).isFalse();
        assertThat(TextRules.hasVisibleCharacter("\u00a0\u3000\u2003")).isFalse();
        assertThat(TextRules.hasVisibleCharacter("\u3164\u115f\uffa0")).isFalse();
        assertThat(TextRules.hasVisibleCharacter("\u0301\u0308\u20dd")).isFalse();
        assertThat(TextRules.hasVisibleCharacter("\u2800\u00ad\ufe0f")).isFalse();
        assertThat(TextRules.hasVisibleCharacter("")).isFalse();
    }
}
