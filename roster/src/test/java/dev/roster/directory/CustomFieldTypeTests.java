package dev.roster.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class CustomFieldTypeTests {

    private static final List<String> NONE = List.of();

    @Test
    void canonicalWhenTextThenKeptAsIs() {
        assertThat(CustomFieldType.TEXT.canonical("  Hello <b>  ", NONE)).isEqualTo("  Hello <b>  ");
    }

    @Test
    void canonicalWhenTextTooLongThenRefused() {
        assertThatThrownBy(() -> CustomFieldType.TEXT.canonical("x".repeat(2001), NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 2000");
    }

    @Test
    void canonicalWhenNumberThenNormalised() {
        assertThat(CustomFieldType.NUMBER.canonical("042.50", NONE)).isEqualTo("42.5");
        assertThat(CustomFieldType.NUMBER.canonical(7, NONE)).isEqualTo("7");
    }

    @Test
    void canonicalWhenNotANumberThenRefusedWithTheValue() {
        assertThatThrownBy(() -> CustomFieldType.NUMBER.canonical("twelve", NONE))
                .hasMessage("must be a number, got \"twelve\"");
    }

    @Test
    void canonicalWhenDateOrTimestampThenIsoDate() {
        assertThat(CustomFieldType.DATE.canonical("2026-02-28", NONE)).isEqualTo("2026-02-28");
        assertThat(CustomFieldType.DATE.canonical("2026-02-28T09:00:00.000Z", NONE)).isEqualTo("2026-02-28");
    }

    @Test
    void canonicalWhenImpossibleDateThenRefused() {
        assertThatThrownBy(() -> CustomFieldType.DATE.canonical("2026-02-30", NONE))
                .hasMessageContaining("must be a date");
    }

    @Test
    void canonicalWhenBooleanSpellingsThenTrueOrFalse() {
        assertThat(CustomFieldType.BOOLEAN.canonical("Yes", NONE)).isEqualTo("true");
        assertThat(CustomFieldType.BOOLEAN.canonical(false, NONE)).isEqualTo("false");
        assertThatThrownBy(() -> CustomFieldType.BOOLEAN.canonical("maybe", NONE))
                .hasMessageContaining("true or false");
    }

    @Test
    void canonicalWhenOneOfMatchesIgnoringCaseThenTheOption() {
        assertThat(CustomFieldType.ONE_OF.canonical("blue", List.of("Red", "Blue"))).isEqualTo("Blue");
        assertThatThrownBy(() -> CustomFieldType.ONE_OF.canonical("Green", List.of("Red", "Blue")))
                .hasMessageContaining("must be one of Red, Blue");
    }

    @Test
    void canonicalWhenListOrObjectThenRefused() {
        assertThatThrownBy(() -> CustomFieldType.TEXT.canonical(List.of("a"), NONE))
                .hasMessageContaining("single value");
    }

    @Test
    void toJsonWhenNumberOrBooleanThenTyped() {
        assertThat(CustomFieldType.NUMBER.toJson("42.5")).isEqualTo(new BigDecimal("42.5"));
        assertThat(CustomFieldType.BOOLEAN.toJson("true")).isEqualTo(Boolean.TRUE);
        assertThat(CustomFieldType.DATE.toJson("2026-01-01")).isEqualTo("2026-01-01");
    }
}
