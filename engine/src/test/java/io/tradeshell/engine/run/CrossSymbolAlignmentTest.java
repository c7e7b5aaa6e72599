package io.tradeshell.engine.run;

import static io.tradeshell.engine.run.Runs.DAY;
import static io.tradeshell.engine.run.Runs.FREE;
import static io.tradeshell.engine.run.Runs.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.indicators.AlignedIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.model.BarSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Another symbol's close read on this symbol's bars: daily bars against 4-hour bars, with a
 * missing 4-hour bar and a missing day. Expected values are worked out by hand below.
 */
class CrossSymbolAlignmentTest {
    private static final long HOUR = 3_600_000L;

    /** 4-hour bars (close 100 + index): day 0 without its 12:00 bar, days 1 and 2 whole, day 3 up to 08:00. */
    private static BarSeries fourHour() {
        List<Long> opens = new ArrayList<>();
        for (int h : new int[] {0, 4, 8, 16, 20}) opens.add(START + h * HOUR);
        for (int d = 1; d <= 2; d++) for (int h = 0; h < 24; h += 4) opens.add(START + d * DAY + h * HOUR);
        opens.add(START + 3 * DAY);
        opens.add(START + 3 * DAY + 4 * HOUR);
        BarSeries s = new BarSeries("H", Duration.ofHours(4), 2, opens.size());
        for (int i = 0; i < opens.size(); i++) s.append(opens.get(i), 100 + i, 100 + i, 100 + i, 100 + i, 1);
        return s;
    }

    /** Daily bars of days 0, 1 and 3 (no bar on day 2), closing 10, 11 and 13. */
    private static BarSeries daily() {
        BarSeries s = new BarSeries("D", Duration.ofDays(1), 2, 3);
        s.append(START, 10, 10, 10, 10, 1);
        s.append(START + DAY, 11, 11, 11, 11, 1);
        s.append(START + 3 * DAY, 13, 13, 13, 13, 1);
        return s;
    }

    /** What each symbol's strategy read of the other's close at each of its bars, as it ran. */
    private static Map<String, List<Double>> readAcross(BarSeries first, BarSeries second) {
        Map<String, List<Double>> seen = new LinkedHashMap<>();
        var f = Runs.factory("across", ctx -> {
            String other = ctx.symbol().equals("H") ? "D" : "H";
            Indicator otherClose = new AlignedIndicator(ctx.bars(),
                    new PriceIndicator(ctx.barsOf(other).orElseThrow(), PriceIndicator.Column.CLOSE));
            List<Double> values = seen.computeIfAbsent(ctx.symbol(), k -> new ArrayList<>());
            return Runs.each(i -> values.add(otherClose.value(i)));
        });
        Backtest.run(Runs.spec(f, FREE, 10_000, first, second));
        return seen;
    }

    @Test
    void fourHourBarsSeeTheLastDailyBarClosedByTheirClose() {
        double n = Double.NaN;
        List<Double> expected = List.of(
                // day 0: no daily bar has closed until the 20:00 bar closes at midnight, with D's day-0 bar
                n, n, n, n, 10.0,
                // day 1: day 0's close, until the last bar closes at midnight with day 1's bar
                10.0, 10.0, 10.0, 10.0, 10.0, 11.0,
                // day 2 has no daily bar: day 1's close stays
                11.0, 11.0, 11.0, 11.0, 11.0, 11.0,
                // day 3 ends at 08:00, before D's day-3 bar closes
                11.0, 11.0);
        assertThat(readAcross(fourHour(), daily()).get("H")).containsExactlyElementsOf(expected);
    }

    @Test
    void dailyBarsSeeTheLastFourHourBarClosedByTheirClose() {
        // D's day 0 closes at day 1 00:00 with H #4 (104); day 1 at day 2 00:00 with H #10 (110);
        // day 3 at day 4 00:00, when H's last bar (#18, closed day 3 08:00) is the newest
        assertThat(readAcross(fourHour(), daily()).get("D")).containsExactly(104.0, 110.0, 118.0);
    }

    @Test
    void whatIsReadDoesNotDependOnWhichSymbolComesFirst() {
        assertThat(readAcross(daily(), fourHour())).isEqualTo(readAcross(fourHour(), daily()));
    }
}
