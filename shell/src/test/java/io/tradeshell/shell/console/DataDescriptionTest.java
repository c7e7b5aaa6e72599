package io.tradeshell.shell.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradeshell.engine.data.LoadedSeries;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.shell.console.data.DataDescription;
import io.tradeshell.shell.console.data.Dataset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataDescriptionTest {
    private static long day(String date) {
        return Instant.parse(date + "T00:00:00Z").toEpochMilli();
    }

    private static Dataset data(BarSeries s) {
        return new Dataset("x", new LoadedSeries(s, List.of(), "0", Path.of("x.csv"), LoadedSeries.Kind.BARS));
    }

    @Test
    void aMissingWeekdayIsAGapAndAWeekendIsNot() {
        BarSeries s = new BarSeries("X", Duration.ofDays(1), 2, 8);
        // Thu 2024-01-04, Fri 01-05, (weekend), Mon 01-08, (Tue 01-09 missing), Wed 01-10
        for (String d : List.of("2024-01-04", "2024-01-05", "2024-01-08", "2024-01-10")) s.append(day(d), 100, 101, 99, 100, 10);
        DataDescription d = data(s).describe();
        assertThat(d.gaps()).hasSize(1);
        assertThat(d.gaps().get(0).before()).isEqualTo(day("2024-01-08"));
        assertThat(d.missingBars()).isEqualTo(1);
    }

    @Test
    void intradayGapsCountTheMissingBars() {
        BarSeries s = new BarSeries("X", Duration.ofMinutes(1), 2, 8);
        long t = day("2024-01-04");
        for (int m : new int[] {0, 1, 2, 6, 7}) s.append(t + m * 60_000L, 100, 101, 99, 100, 10);
        DataDescription d = data(s).describe();
        assertThat(d.gaps()).hasSize(1);
        assertThat(d.missingBars()).isEqualTo(3);
    }

    @Test
    void returnStatisticsAreThoseOfCloseToCloseReturns() {
        BarSeries s = new BarSeries("X", Duration.ofDays(1), 2, 8);
        // closes 100 -> 110 -> 99: returns +10% and -10%
        s.append(day("2024-01-01"), 100, 100, 100, 100, 1);
        s.append(day("2024-01-02"), 110, 110, 110, 110, 1);
        s.append(day("2024-01-03"), 99, 99, 99, 99, 1);
        DataDescription d = data(s).describe();
        assertThat(d.returns().count()).isEqualTo(2);
        assertThat(d.returns().mean()).isCloseTo(0.0, within(1e-15));
        assertThat(d.returns().stdev()).isCloseTo(Math.sqrt(0.02), within(1e-12));
        assertThat(d.returns().min()).isCloseTo(-0.1, within(1e-12));
        assertThat(d.returns().minTime()).isEqualTo(day("2024-01-03"));
        assertThat(d.returns().max()).isCloseTo(0.1, within(1e-12));
        assertThat(d.returns().upShare()).isEqualTo(0.5);
        assertThat(d.totalReturn()).isCloseTo(-0.01, within(1e-12));
        assertThat(d.lowest()).isEqualTo(99);
        assertThat(d.highest()).isEqualTo(110);
    }
}
