package io.tradeshell.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.model.BarSeries;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalkForwardPlanTest {
    private static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    private static void window(WalkForwardWindow w, String trainFrom, String testFrom, String testTo) {
        assertThat(Instant.ofEpochMilli(w.trainFrom())).as("train from of " + w).isEqualTo(Instant.parse(trainFrom));
        assertThat(Instant.ofEpochMilli(w.trainTo())).as("train to of " + w).isEqualTo(Instant.parse(testFrom));
        assertThat(Instant.ofEpochMilli(w.testFrom())).as("test from of " + w).isEqualTo(Instant.parse(testFrom));
        assertThat(Instant.ofEpochMilli(w.testTo())).as("test to of " + w).isEqualTo(Instant.parse(testTo));
    }

    @Test
    void rollingSixMonthsThenOneMonthOverAYearOfDailyBars() {
        // first bar 2013-01-02, last 2013-12-31: test windows start Jul 2 .. Dec 2; Jan 2 2014 is past the data
        List<WalkForwardWindow> w = WalkForwardPlan.windows(t("2013-01-02T00:00:00Z"), t("2013-12-31T00:00:00Z"),
                CalendarPeriod.parse("6m"), CalendarPeriod.parse("1m"), false);
        assertThat(w).hasSize(6);
        window(w.get(0), "2013-01-02T00:00:00Z", "2013-07-02T00:00:00Z", "2013-08-02T00:00:00Z");
        window(w.get(1), "2013-02-02T00:00:00Z", "2013-08-02T00:00:00Z", "2013-09-02T00:00:00Z");
        window(w.get(2), "2013-03-02T00:00:00Z", "2013-09-02T00:00:00Z", "2013-10-02T00:00:00Z");
        window(w.get(3), "2013-04-02T00:00:00Z", "2013-10-02T00:00:00Z", "2013-11-02T00:00:00Z");
        window(w.get(4), "2013-05-02T00:00:00Z", "2013-11-02T00:00:00Z", "2013-12-02T00:00:00Z");
        window(w.get(5), "2013-06-02T00:00:00Z", "2013-12-02T00:00:00Z", "2014-01-02T00:00:00Z");
    }

    @Test
    void anchoredWindowsAllTrainFromTheFirstBar() {
        List<WalkForwardWindow> w = WalkForwardPlan.windows(t("2013-01-02T00:00:00Z"), t("2013-12-31T00:00:00Z"),
                CalendarPeriod.parse("6m"), CalendarPeriod.parse("2m"), true);
        assertThat(w).hasSize(3);
        window(w.get(0), "2013-01-02T00:00:00Z", "2013-07-02T00:00:00Z", "2013-09-02T00:00:00Z");
        window(w.get(1), "2013-01-02T00:00:00Z", "2013-09-02T00:00:00Z", "2013-11-02T00:00:00Z");
        window(w.get(2), "2013-01-02T00:00:00Z", "2013-11-02T00:00:00Z", "2014-01-02T00:00:00Z");
    }

    @Test
    void monthEndsDoNotDrift() {
        // from Jan 31 2020: a month on is Feb 29 (leap year), then Mar 31, Apr 30, May 31: never the 29th everywhere
        List<WalkForwardWindow> w = WalkForwardPlan.windows(t("2020-01-31T00:00:00Z"), t("2020-05-15T00:00:00Z"),
                CalendarPeriod.parse("1m"), CalendarPeriod.parse("1m"), false);
        assertThat(w).hasSize(3);
        window(w.get(0), "2020-01-31T00:00:00Z", "2020-02-29T00:00:00Z", "2020-03-31T00:00:00Z");
        window(w.get(1), "2020-02-29T00:00:00Z", "2020-03-31T00:00:00Z", "2020-04-30T00:00:00Z");
        window(w.get(2), "2020-03-31T00:00:00Z", "2020-04-30T00:00:00Z", "2020-05-31T00:00:00Z");
    }

    @Test
    void daysWeeksAndYears() {
        List<WalkForwardWindow> w = WalkForwardPlan.windows(t("2021-03-01T00:00:00Z"), t("2021-03-31T00:00:00Z"),
                CalendarPeriod.parse("2w"), CalendarPeriod.parse("10d"), false);
        assertThat(w).hasSize(2);
        window(w.get(0), "2021-03-01T00:00:00Z", "2021-03-15T00:00:00Z", "2021-03-25T00:00:00Z");
        window(w.get(1), "2021-03-11T00:00:00Z", "2021-03-25T00:00:00Z", "2021-04-04T00:00:00Z");
        List<WalkForwardWindow> y = WalkForwardPlan.windows(t("2010-06-01T00:00:00Z"), t("2013-01-01T00:00:00Z"),
                CalendarPeriod.parse("2y"), CalendarPeriod.parse("1y"), false);
        assertThat(y).hasSize(1);
        window(y.get(0), "2010-06-01T00:00:00Z", "2012-06-01T00:00:00Z", "2013-06-01T00:00:00Z");
    }

    @Test
    void noTestWindowOverlapsItsTrainingWindowOrAnotherTestWindowDownToTheBar() {
        BarSeries bars = SmaCross.dailyBars(1, 800);
        List<WalkForwardWindow> w = WalkForwardPlan.windows(bars.openTime(0), bars.openTime(bars.lastIndex()),
                CalendarPeriod.parse("3m"), CalendarPeriod.parse("1m"), false);
        for (int k = 0; k < w.size(); k++) {
            WalkForwardWindow x = w.get(k);
            BarSeries train = DataWindow.slice(bars, x.trainFrom(), x.trainTo());
            BarSeries test = DataWindow.slice(bars, x.testFrom(), x.testTo());
            assertThat(train.openTime(train.lastIndex())).isLessThan(test.openTime(0));
            assertThat(train.openTime(0)).isGreaterThanOrEqualTo(x.trainFrom());
            assertThat(test.openTime(test.lastIndex())).isLessThan(x.testTo());
            // every bar is in the slice it belongs to: a day later than the last of one is the first of the next
            assertThat(test.openTime(0) - train.openTime(train.lastIndex())).isEqualTo(86_400_000L);
            if (k > 0) assertThat(x.testFrom()).isEqualTo(w.get(k - 1).testTo());
        }
        assertThat(w.get(w.size() - 1).testFrom()).isLessThanOrEqualTo(bars.openTime(bars.lastIndex()));
        assertThat(w.get(w.size() - 1).testTo()).isGreaterThan(bars.openTime(bars.lastIndex()));
    }

    @Test
    void dataShorterThanTheTrainingWindowIsRejected() {
        assertThatThrownBy(() -> WalkForwardPlan.windows(t("2013-01-02T00:00:00Z"), t("2013-05-31T00:00:00Z"),
                CalendarPeriod.parse("6m"), CalendarPeriod.parse("1m"), false))
                .hasMessageContaining("too short for a 6m training window");
    }

    @Test
    void windowLengthsMustBeWholeCalendarUnits() {
        assertThat(CalendarPeriod.parse("6M").toString()).isEqualTo("6m");
        assertThatThrownBy(() -> CalendarPeriod.parse("6")).hasMessageContaining("d (days), w (weeks), m (months) or y (years)");
        assertThatThrownBy(() -> CalendarPeriod.parse("1h")).hasMessageContaining("is not like 6m");
        assertThatThrownBy(() -> CalendarPeriod.parse("0m")).hasMessageContaining("at least 1");
    }
}
