package io.tradeshell.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MonthlyReturnsTest {

    @Test
    void twoMonthsCompareMonthEndsAndTheFirstMonthStartsFromTheFirstPoint() {
        long[] time = {t("2021-01-04T00:00:00Z"), t("2021-01-15T00:00:00Z"), t("2021-01-29T00:00:00Z"),
                t("2021-02-01T00:00:00Z"), t("2021-02-26T00:00:00Z")};
        double[] equity = {100, 105, 110, 99, 121};

        MonthlyReturns m = MonthlyReturns.of(time, equity);

        assertThat(m.firstYear()).isEqualTo(2021);
        assertThat(m.years()).isEqualTo(1);
        assertThat(m.percent()[0][0]).isCloseTo(10.0, within(1e-9)); // 110 / 100
        assertThat(m.percent()[0][1]).isCloseTo(10.0, within(1e-9)); // 121 / 110
        for (int month = 2; month < 12; month++) assertThat(m.percent()[0][month]).isNaN();
        assertThat(m.yearly()[0]).isCloseTo(21.0, within(1e-9));     // 121 / 100
    }

    @Test
    void monthsAcrossAYearEndLandInTheirOwnYears() {
        long[] time = {t("2020-12-01T00:00:00Z"), t("2020-12-31T23:59:00Z"), t("2021-01-01T00:00:00Z"), t("2021-01-31T12:00:00Z")};
        double[] equity = {100, 104, 103, 93.6};

        MonthlyReturns m = MonthlyReturns.of(time, equity);

        assertThat(m.firstYear()).isEqualTo(2020);
        assertThat(m.years()).isEqualTo(2);
        assertThat(m.percent()[0][11]).isCloseTo(4.0, within(1e-9));   // 104 / 100
        assertThat(m.percent()[1][0]).isCloseTo(-10.0, within(1e-9));  // 93.6 / 104
        assertThat(m.yearly()[0]).isCloseTo(4.0, within(1e-9));
        assertThat(m.yearly()[1]).isCloseTo(-10.0, within(1e-9));
    }

    private static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
