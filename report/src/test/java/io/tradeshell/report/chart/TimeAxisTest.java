package io.tradeshell.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeAxisTest {

    @Test
    void aYearOfDailyDataTicksOnTheFirstOfEachMonth() {
        TimeAxis axis = TimeAxis.spanning(t("2013-01-02T00:00:00Z"), t("2013-12-31T00:00:00Z"));

        double march = axis.x(t("2013-03-01T00:00:00Z"));

        assertThat(march).isEqualTo(Math.rint(march)); // a whole unit, where round ticks fall
        assertThat(axis.label(march)).isEqualTo("Mar 2013");
        assertThat(axis.time(march)).isEqualTo(t("2013-03-01T00:00:00Z"));
    }

    @Test
    void severalYearsTickOnNewYear() {
        TimeAxis axis = TimeAxis.spanning(t("2015-06-01T00:00:00Z"), t("2021-06-01T00:00:00Z"));

        double y2018 = axis.x(t("2018-01-01T00:00:00Z"));

        assertThat(y2018).isEqualTo(48.0); // years since 1970
        assertThat(axis.label(y2018)).isEqualTo("2018");
    }

    @Test
    void positionsMapBackToTheSameMillisecond() {
        long[][] spans = {
                {t("2010-01-01T00:00:00Z"), t("2020-01-01T00:00:00Z")},
                {t("2013-01-01T00:00:00Z"), t("2013-12-31T00:00:00Z")},
                {t("2013-11-01T00:00:00Z"), t("2013-11-30T00:00:00Z")},
                {t("2013-11-25T00:00:00Z"), t("2013-11-26T00:00:00Z")},
                {t("2013-11-25T09:30:00Z"), t("2013-11-25T10:30:00Z")}};
        for (long[] span : spans) {
            TimeAxis axis = TimeAxis.spanning(span[0], span[1]);
            for (long t = span[0]; t <= span[1]; t += (span[1] - span[0]) / 17) {
                assertThat(axis.time(axis.x(t))).isEqualTo(t);
            }
        }
    }

    @Test
    void intradayTicksShowTheClockAndTheAxisNamesTheDay() {
        TimeAxis axis = TimeAxis.spanning(t("2013-11-25T09:30:00Z"), t("2013-11-25T10:30:00Z"));

        assertThat(axis.label(axis.x(t("2013-11-25T10:00:00Z")))).isEqualTo("10:00");
    }

    private static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
