package io.tradeshell.shell.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.console.progress.ProgressText;
import org.junit.jupiter.api.Test;

class ProgressTextTest {
    @Test
    void saysShareDoneBarsRateAndTimeLeft() {
        // 250 of 1,000 bars in 2 s: 125 bars/s, 750 bars left take 6 s
        String line = ProgressText.line("run", 250, 1_000, 2.0, 100);
        assertThat(line).startsWith("run [").contains("]  25%  250 / 1,000 bars  125 bars/s  0:06 left  Ctrl-C stops");
        int full = (int) line.chars().filter(c -> c == '█').count();
        int empty = (int) line.chars().filter(c -> c == '░').count();
        assertThat(full).isEqualTo(Math.round(0.25 * (full + empty)));
        assertThat(full + empty).isBetween(10, 30);
    }

    @Test
    void aNarrowTerminalKeepsRateAndTimeLeft() {
        String line = ProgressText.line("macd_trend.groovy", 4_000_000, 5_000_000, 4.0, 79);
        assertThat(line.length()).isLessThanOrEqualTo(79);
        assertThat(line).contains(" 80%", "4.0M/5.0M bars", "1.0M bars/s", "0:01 left").doesNotContain("Ctrl-C");
    }

    @Test
    void largeRatesReadInThousandsAndMillions() {
        assertThat(ProgressText.line("r", 3_000_000, 6_000_000, 1.0, 120)).contains("3.0M bars/s", "0:01 left");
        assertThat(ProgressText.line("r", 45_000, 90_000, 1.0, 120)).contains("45k bars/s", "0:01 left");
    }
}
