package io.tradeshell.engine.metrics;

import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.engine.trade.ExitReason;
import io.tradeshell.engine.trade.PositionSide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MetricsCalculatorTest {
    private static final double EPS = 1e-12;
    /** 365.25 days of 86,400,000 ms. */
    private static final long YEAR = 31_557_600_000L;
    /** 2024-01-01T00:00Z. */
    private static final long START = 1_704_067_200_000L;

    @Test
    void fiveBarCurveWorkedByHand() {
        // Bars a quarter of a 365.25-day year apart: 4 intervals span exactly 1 year.
        long step = YEAR / 4; // 7,889,400,000 ms
        long[] time = {START, START + step, START + 2 * step, START + 3 * step, START + 4 * step};
        // From 100: +10%, -10%, +20%, -10%, +20%.
        double[] equity = {110, 99, 118.8, 106.92, 128.304};
        double[] exposure = {1.0, 0, 0.5, 0.5, 0};
        List<ClosedTrade> trades = List.of(trade(15), trade(-5), trade(18.304));

        RunMetrics m = MetricsCalculator.compute(new EquityCurve(time, equity, exposure), trades, 100, 2.0, 0.25);

        // r = 0.1, -0.1, 0.2, -0.1, 0.2; mean = 0.3 / 5 = 0.06
        // deviations 0.04, -0.16, 0.14, -0.16, 0.14; squares sum 0.0016 + 0.0256 + 0.0196 + 0.0256 + 0.0196 = 0.092
        // sample variance = 0.092 / 4 = 0.023; periodsPerYear = 4 / 1 = 4, sqrt = 2
        assertThat(MetricsCalculator.periodsPerYear(time)).isCloseTo(4.0, within(EPS));
        assertThat(m.finalEquity()).isCloseTo(128.304, within(EPS));
        assertThat(m.totalReturn()).isCloseTo(0.28304, within(EPS));
        assertThat(m.cagr()).isCloseTo(0.28304, within(EPS));                       // one year: cagr = total return
        assertThat(m.volatility()).isCloseTo(Math.sqrt(0.023) * 2, within(EPS));     // 0.30331501776206...
        assertThat(m.sharpe()).isCloseTo(0.06 / Math.sqrt(0.023) * 2, within(EPS));  // 0.79125656807...
        // downside: min(r,0)^2 = 0.01 twice, mean over 5 = 0.004
        assertThat(m.sortino()).isCloseTo(0.06 / Math.sqrt(0.004) * 2, within(EPS)); // 1.89736659610...
        // 110 -> 99 is 11/110 = 10% and 118.8 -> 106.92 is 11.88/118.8 = 10%, one bar each
        assertThat(m.maxDrawdown()).isCloseTo(0.1, within(EPS));
        assertThat(m.maxDrawdownDuration()).isEqualTo(1);
        assertThat(m.calmar()).isCloseTo(2.8304, within(1e-11));                     // 0.28304 / 0.1
        assertThat(m.trades()).isEqualTo(3);
        assertThat(m.winRate()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(m.profitFactor()).isCloseTo(6.6608, within(EPS));                 // 33.304 / 5
        assertThat(m.avgWin()).isCloseTo(16.652, within(EPS));                       // 33.304 / 2
        assertThat(m.avgLoss()).isEqualTo(-5.0);
        assertThat(m.expectancy()).isCloseTo(28.304 / 3, within(EPS));               // 9.43466...
        assertThat(m.exposure()).isCloseTo(0.6, within(EPS));                        // 3 of 5 bars
        assertThat(m.commissions()).isEqualTo(2.0);
        assertThat(m.buyAndHoldReturn()).isEqualTo(0.25);
    }

    @Test
    void deepestDrawdownAndLongestDrawdownAreMeasuredSeparately() {
        // Peak 120 at bar 1, down to 90 (25%), regained exactly at bar 4: bars 2 and 3 below.
        // Peak 130 at bar 5, down to 104 (20%), never regained: bars 6..9 below.
        double[] equity = {100, 120, 90, 100, 120, 130, 117, 104, 110, 115};
        RunMetrics m = MetricsCalculator.compute(daily(equity), List.of(), 100, 0, 0);

        assertThat(m.maxDrawdown()).isCloseTo(0.25, within(EPS));
        assertThat(m.maxDrawdownDuration()).isEqualTo(4);
        assertThat(m.calmar()).isCloseTo(m.cagr() / 0.25, within(EPS));
    }

    @Test
    void startingCashIsThePeakBeforeTheFirstBar() {
        // Below the 100 started with at bars 0 and 1; 100 regained at bar 2. Deepest: 90, 10%.
        RunMetrics m = MetricsCalculator.compute(daily(95, 90, 100, 101), List.of(), 100, 0, 0);

        assertThat(m.maxDrawdown()).isCloseTo(0.1, within(EPS));
        assertThat(m.maxDrawdownDuration()).isEqualTo(2);
    }

    @Test
    void allWinningTradesHaveNoProfitFactorNorAverageLoss() {
        RunMetrics m = MetricsCalculator.compute(daily(100, 110, 130), List.of(trade(10), trade(20)), 100, 0, 0.3);

        assertThat(m.trades()).isEqualTo(2);
        assertThat(m.winRate()).isEqualTo(1.0);
        assertThat(m.avgWin()).isEqualTo(15.0);
        assertThat(m.expectancy()).isEqualTo(15.0);
        assertThat(m.profitFactor()).isNaN();
        assertThat(m.avgLoss()).isNaN();
        Map<String, Object> map = m.asMap();
        assertThat(map).containsEntry("profitFactor", null).containsEntry("avgLoss", null);
        assertThat(map.get("winRate")).isEqualTo(1.0);
        assertThat(m.profitFactorInfinite()).as("won 30, lost nothing: 30 / 0").isTrue();
    }

    @Test
    void profitFactorIsInfiniteOnlyWithWinsAndNoLosses() {
        assertThat(MetricsCalculator.compute(daily(100, 101), List.of(), 100, 0, 0.01).profitFactorInfinite()).as("no trades").isFalse();
        assertThat(MetricsCalculator.compute(daily(100, 100), List.of(trade(0)), 100, 0, 0.5).profitFactorInfinite()).as("0 / 0").isFalse();
        assertThat(MetricsCalculator.compute(daily(100, 105), List.of(trade(10), trade(-5)), 100, 0, 0.5).profitFactorInfinite())
                .as("10 / 5").isFalse();
    }

    @Test
    void noTradesLeavesEveryTradeFigureUncomputed() {
        RunMetrics m = MetricsCalculator.compute(daily(100, 101), List.of(), 100, 0, 0.01);

        assertThat(m.trades()).isZero();
        assertThat(m.winRate()).isNaN();
        assertThat(m.profitFactor()).isNaN();
        assertThat(m.avgWin()).isNaN();
        assertThat(m.avgLoss()).isNaN();
        assertThat(m.expectancy()).isNaN();
        assertThat(m.asMap()).containsEntry("trades", 0).containsEntry("expectancy", null);
    }

    @Test
    void breakEvenTradeCountsAsATradeButNeitherWinNorLoss() {
        RunMetrics m = MetricsCalculator.compute(daily(100, 105), List.of(trade(10), trade(0), trade(-5)), 100, 0, 0);

        assertThat(m.trades()).isEqualTo(3);
        assertThat(m.winRate()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(m.profitFactor()).isEqualTo(2.0);     // 10 / 5
        assertThat(m.avgWin()).isEqualTo(10.0);
        assertThat(m.avgLoss()).isEqualTo(-5.0);
        assertThat(m.expectancy()).isCloseTo(5.0 / 3, within(EPS));
    }

    @Test
    void flatCurveHasNoRiskAdjustedRatiosAndItsMapHoldsNullsNotNaN() {
        RunMetrics m = MetricsCalculator.compute(daily(100, 100, 100, 100, 100), List.of(), 100, 0, Double.NaN);

        assertThat(m.totalReturn()).isZero();
        assertThat(m.cagr()).isZero();
        assertThat(m.volatility()).isZero();
        assertThat(m.maxDrawdown()).isZero();
        assertThat(m.maxDrawdownDuration()).isZero();
        assertThat(m.exposure()).isZero();
        assertThat(m.sharpe()).isNaN();
        assertThat(m.sortino()).isNaN();
        assertThat(m.calmar()).isNaN();

        Map<String, Object> map = m.asMap();
        assertThat(map.keySet()).containsExactly("finalEquity", "totalReturn", "cagr", "volatility", "sharpe",
                "sortino", "maxDrawdown", "maxDrawdownDuration", "calmar", "trades", "winRate", "profitFactor",
                "avgWin", "avgLoss", "expectancy", "exposure", "commissions", "buyAndHoldReturn");
        assertThat(map).containsEntry("sharpe", null).containsEntry("sortino", null)
                .containsEntry("calmar", null).containsEntry("buyAndHoldReturn", null)
                .containsEntry("finalEquity", 100.0);
        for (Object v : map.values()) {
            if (v instanceof Double d) assertThat(Double.isFinite(d)).as("finite %s", d).isTrue();
        }
    }

    @Test
    void infiniteFiguresAlsoBecomeNullInTheMap() {
        RunMetrics m = new RunMetrics(1, 0, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0,
                Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(m.asMap()).containsEntry("sharpe", null).containsEntry("sortino", null).containsEntry("calmar", null);
    }

    @Test
    void twoHundredFiftyTwoBarsSpreadOverExactlyOneYearGive251PeriodsPerYear() {
        // 252 bars have 251 intervals; spread evenly over one 365.25-day year that is 251 per year.
        long[] time = new long[252];
        for (int i = 0; i < time.length; i++) time[i] = START + Math.round(i * (double) YEAR / 251);
        assertThat(time[251] - time[0]).isEqualTo(YEAR);

        assertThat(MetricsCalculator.periodsPerYear(time)).isCloseTo(251.0, within(1e-9));
    }

    @Test
    void weekdayCalendarGivesPeriodsPerYearFromItsSpanInDays() {
        // 252 consecutive weekdays from Tuesday 2024-01-02, one bar per day at midnight UTC.
        long[] time = new long[252];
        LocalDate day = LocalDate.of(2024, 1, 2);
        for (int i = 0; i < time.length; day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) time[i++] = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        LocalDate first = LocalDate.of(2024, 1, 2), last = day.minusDays(1);
        long days = ChronoUnit.DAYS.between(first, last);   // 50 weeks + 1 day = 351
        assertThat(days).isEqualTo(351);

        assertThat(MetricsCalculator.periodsPerYear(time)).isCloseTo(251 * 365.25 / days, within(1e-9));
    }

    @Test
    void cagrRunsOverTheSpanTheDataCoversFromTheFirstOpenToTheLastClose() {
        // 365 daily bars from START: the last opens 364 days later and closes 365 days after START
        double[] equity = new double[365];
        java.util.Arrays.fill(equity, 100);
        equity[364] = 110;
        EquityCurve curve = daily(equity);
        long end = curve.time()[364] + 86_400_000L;
        RunMetrics m = MetricsCalculator.compute(curve, List.of(), 100, 0, 0, end);
        assertThat(m.cagr()).isCloseTo(Math.pow(1.1, 365.25 / 365) - 1, within(1e-12));
        // open to open would have been 364 days, overstating the growth rate
        assertThat(MetricsCalculator.compute(curve, List.of(), 100, 0, 0).cagr()).isCloseTo(Math.pow(1.1, 365.25 / 364) - 1, within(1e-12));
    }

    @Test
    void fewerThanTwoBarsCannotBeAnnualised() {
        RunMetrics one = MetricsCalculator.compute(daily(104), List.of(), 100, 0, 0);
        assertThat(one.totalReturn()).isCloseTo(0.04, within(EPS));
        assertThat(one.cagr()).isNaN();
        assertThat(one.volatility()).isNaN();
        assertThat(one.sharpe()).isNaN();
        assertThat(one.sortino()).isNaN();
        assertThat(one.exposure()).isZero();

        RunMetrics none = MetricsCalculator.compute(daily(), List.of(), 100, 0, 0);
        assertThat(none.finalEquity()).isEqualTo(100.0);
        assertThat(none.totalReturn()).isZero();
        assertThat(none.maxDrawdown()).isZero();
        assertThat(none.exposure()).isNaN();
        assertThat(MetricsCalculator.periodsPerYear(new long[]{START, START})).isNaN();
    }

    @Test
    void longRandomCurveAgreesWithAPlainTwoPassCalculation() {
        Random random = new Random(42);
        int n = 2_000;
        long[] time = new long[n];
        double[] equity = new double[n];
        double[] exposure = new double[n];
        double value = 10_000;
        for (int i = 0; i < n; i++) {
            time[i] = START + i * 3_600_000L; // hourly
            value *= 1 + 0.01 * random.nextGaussian();
            equity[i] = value;
            exposure[i] = random.nextInt(3) == 0 ? 0 : 1.5;
        }
        RunMetrics m = MetricsCalculator.compute(new EquityCurve(time, equity, exposure), List.of(), 10_000, 0, 0);

        // Naive version: list of returns, mean, then deviations; drawdown by re-scanning the prefix.
        List<Double> r = new ArrayList<>();
        r.add(equity[0] / 10_000 - 1);
        for (int i = 1; i < n; i++) r.add(equity[i] / equity[i - 1] - 1);
        double mean = r.stream().mapToDouble(Double::doubleValue).sum() / n;
        double ss = 0, down = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
            down += Math.min(x, 0) * Math.min(x, 0);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double years = (n - 1) * 3_600_000.0 / YEAR;
        double perYear = (n - 1) / years;
        double maxDd = 0;
        int longest = 0, run = 0, exposed = 0;
        for (int t = 0; t < n; t++) {
            double peak = 10_000;
            for (int k = 0; k < t; k++) peak = Math.max(peak, equity[k]);
            boolean below = equity[t] < peak;
            run = below ? run + 1 : 0;
            longest = Math.max(longest, run);
            if (below) maxDd = Math.max(maxDd, (peak - equity[t]) / peak);
            if (exposure[t] > 0) exposed++;
        }

        assertThat(m.volatility()).isCloseTo(sd * Math.sqrt(perYear), within(1e-10));
        assertThat(m.sharpe()).isCloseTo(mean / sd * Math.sqrt(perYear), within(1e-9));
        assertThat(m.sortino()).isCloseTo(mean / Math.sqrt(down / n) * Math.sqrt(perYear), within(1e-9));
        assertThat(m.cagr()).isCloseTo(Math.pow(equity[n - 1] / 10_000, 1 / years) - 1, within(1e-9));
        assertThat(m.maxDrawdown()).isCloseTo(maxDd, within(EPS));
        assertThat(m.maxDrawdownDuration()).isEqualTo(longest);
        assertThat(m.exposure()).isCloseTo((double) exposed / n, within(EPS));
        assertThat(new EquityCurve(time, equity, exposure).returns(10_000))
                .containsExactly(r.stream().mapToDouble(Double::doubleValue).toArray(), within(0.0));
    }

    @Test
    void curveColumnsOfDifferentLengthsAreRejected() {
        assertThatThrownBy(() -> new EquityCurve(new long[3], new double[3], new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exposure 2");
        assertThatThrownBy(() -> new EquityCurve(new long[3], new double[4], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equity 4");
    }

    @Test
    void startingCashMustBePositive() {
        assertThatThrownBy(() -> MetricsCalculator.compute(daily(1), List.of(), 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial cash");
    }

    /** Daily bars from START, flat exposure. */
    private static EquityCurve daily(double... equity) {
        long[] time = new long[equity.length];
        for (int i = 0; i < time.length; i++) time[i] = START + i * 86_400_000L;
        return new EquityCurve(time, equity, new double[equity.length]);
    }

    private static ClosedTrade trade(double pnl) {
        Instant t = Instant.ofEpochMilli(START);
        return new ClosedTrade("ABC", PositionSide.LONG, 1, t, 100, t.plusSeconds(86_400), 100 + pnl, pnl, 0, 1, ExitReason.SIGNAL);
    }
}
