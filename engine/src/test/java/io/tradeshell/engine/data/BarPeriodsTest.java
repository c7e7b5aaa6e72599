package io.tradeshell.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BarPeriodsTest {

    @Test
    void usualPeriodsAreRead() {
        assertThat(BarPeriods.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(BarPeriods.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(BarPeriods.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(BarPeriods.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(BarPeriods.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(BarPeriods.parse("4h")).isEqualTo(Duration.ofHours(4));
        assertThat(BarPeriods.parse("1d")).isEqualTo(Duration.ofDays(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "m", "0m", "-1m", "1x", "1M", "1.5h", "5 m", "PT5M", "99999999999m"})
    void anythingElseIsRefusedWithAClearMessage(String text) {
        assertThatThrownBy(() -> BarPeriods.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bar period '" + text + "' is not understood: write a positive whole number and a unit"
                        + " s, m, h or d, such as 30s, 1m, 5m, 15m, 1h, 4h or 1d");
    }

    @Test
    void periodsAreWrittenTheWayTheyAreRead() {
        assertThat(BarPeriods.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(BarPeriods.format(Duration.ofMinutes(15))).isEqualTo("15m");
        assertThat(BarPeriods.format(Duration.ofHours(4))).isEqualTo("4h");
        assertThat(BarPeriods.format(Duration.ofDays(1))).isEqualTo("1d");
        assertThat(BarPeriods.format(Duration.ofMinutes(90))).isEqualTo("90m");
    }
}
