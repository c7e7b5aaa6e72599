package io.tradeshell.engine.run;

import static io.tradeshell.engine.run.Runs.FREE;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.indicators.AlignedIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.SmaIndicator;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.timeframe.ResampledBars;
import io.tradeshell.engine.timeframe.Timeframe;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Weekly values on 4-hour bars, as a strategy reads them while the run goes: checked against a
 * plain recount with java.time, and for causality by changing the bars after a point.
 */
class HigherTimeframeCausalityTest {
    private static final long HOUR = 3_600_000L;
    /** Monday 2024-01-01T00:00Z. */
    private static final long MONDAY = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    /** What the strategy read at each bar: the last completed week's close, and the SMA of the last 3 weekly closes. */
    private static List<double[]> readWeekly(BarSeries base) {
        List<double[]> seen = new ArrayList<>();
        var f = Runs.factory("weekly", ctx -> {
            ResampledBars weeks = new ResampledBars(ctx.bars(), Timeframe.parse("1w"));
            PriceIndicator weeklyClose = new PriceIndicator(weeks.bars(), PriceIndicator.Column.CLOSE);
            Indicator close = new AlignedIndicator(ctx.bars(), weeklyClose, weeks);
            Indicator sma = new AlignedIndicator(ctx.bars(), new SmaIndicator(weeklyClose, 3), weeks);
            return Runs.each(i -> seen.add(new double[] {close.value(i), sma.value(i)}));
        });
        Backtest.run(Runs.spec(f, FREE, 10_000, base));
        return seen;
    }

    /** Random 4-hour bars from MONDAY, each bar present with probability 0.9 (gaps anywhere, week ends too). */
    private static BarSeries generate(Random rnd, int slots, long from, double start) {
        BarSeries s = new BarSeries("BTC", Duration.ofHours(4), -1, slots);
        double price = start;
        for (int k = 0; k < slots; k++) {
            price *= Math.exp(rnd.nextGaussian() * 0.02);
            if (rnd.nextDouble() < 0.9) s.append(from + k * 4 * HOUR, price, price * 1.01, price * 0.99, price, 1);
        }
        return s;
    }

    /** The plain recount: a week is complete once a bar closes at or after its end, or a bar of a later week has closed. */
    private static List<double[]> plainWeekly(BarSeries s) {
        List<double[]> out = new ArrayList<>();
        List<Double> completedCloses = new ArrayList<>();
        LocalDate building = null;
        double lastClose = Double.NaN;
        for (int k = 0; k < s.size(); k++) {
            LocalDate week = Instant.ofEpochMilli(s.openTime(k)).atZone(ZoneOffset.UTC).toLocalDate()
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            if (building != null && !week.equals(building)) completedCloses.add(lastClose);
            building = week;
            lastClose = s.close(k);
            long end = week.plusWeeks(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            if (s.openTime(k) + 4 * HOUR >= end) {
                completedCloses.add(lastClose);
                building = null;
            }
            int n = completedCloses.size();
            double close = n == 0 ? Double.NaN : completedCloses.get(n - 1);
            double sma = n < 3 ? Double.NaN : (completedCloses.get(n - 1) + completedCloses.get(n - 2) + completedCloses.get(n - 3)) / 3;
            out.add(new double[] {close, sma});
        }
        return out;
    }

    @Test
    void theWeekInProgressIsNeverVisibleAndTheValueChangesAtTheWeeksLastBar() {
        // two whole weeks of 4-hour bars, close = index
        BarSeries s = new BarSeries("BTC", Duration.ofHours(4), 0, 84);
        for (int i = 0; i < 84; i++) s.append(MONDAY + i * 4 * HOUR, i, i, i, i, 1);
        List<double[]> seen = readWeekly(s);
        for (int i = 0; i < 41; i++) assertThat(seen.get(i)[0]).as("bar %d, first week in progress", i).isNaN();
        // bar 41 opens Sunday 20:00 and closes Monday 00:00: the first week's close is 41 from then on
        for (int i = 41; i < 83; i++) assertThat(seen.get(i)[0]).as("bar %d", i).isEqualTo(41.0);
        assertThat(seen.get(83)[0]).isEqualTo(83.0);
    }

    @Test
    void weeklyValuesMatchAPlainRecountOverGeneratedBarsWithGaps() {
        Random rnd = new Random(7);
        for (int round = 0; round < 30; round++) {
            BarSeries s = generate(rnd, 6 * 7 * 8, MONDAY + rnd.nextInt(42) * 4 * HOUR, 100);
            List<double[]> seen = readWeekly(s), plain = plainWeekly(s);
            assertThat(seen).hasSameSizeAs(plain);
            for (int k = 0; k < seen.size(); k++) {
                assertThat(Double.valueOf(seen.get(k)[0])).as("round %d bar %d close", round, k).isEqualTo(Double.valueOf(plain.get(k)[0]));
                if (Double.isNaN(plain.get(k)[1])) assertThat(seen.get(k)[1]).isNaN();
                else assertThat(seen.get(k)[1]).as("round %d bar %d sma", round, k).isCloseTo(plain.get(k)[1], org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void changingTheBarsAfterAPointChangesNothingReadUpToIt() {
        Random rnd = new Random(11);
        for (int round = 0; round < 30; round++) {
            BarSeries s = generate(rnd, 6 * 7 * 8, MONDAY, 100);
            int k = rnd.nextInt(s.size() - 1);
            // the same bars up to k, then other prices (and other gaps) after it
            BarSeries changed = new BarSeries("BTC", Duration.ofHours(4), -1, s.size());
            for (int i = 0; i <= k; i++) changed.appendFrom(s, i);
            BarSeries tail = generate(rnd, 6 * 7 * 4, s.closeTime(k), 50 + rnd.nextInt(100));
            for (int i = 0; i < tail.size(); i++) changed.appendFrom(tail, i);
            List<double[]> a = readWeekly(s), b = readWeekly(changed);
            for (int i = 0; i <= k; i++) {
                assertThat(b.get(i)).as("round %d: bar %d of %d read the same", round, i, k).isEqualTo(a.get(i));
            }
        }
    }
}
