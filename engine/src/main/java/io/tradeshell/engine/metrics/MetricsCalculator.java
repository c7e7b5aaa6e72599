package io.tradeshell.engine.metrics;

import io.tradeshell.engine.trade.ClosedTrade;

import java.util.List;
import java.util.Objects;

/**
 * Computes the {@link RunMetrics} of a run from its equity curve and closed trades, in one
 * pass over the bars and one over the trades, without allocating per bar.
 *
 * <p>Definitions, for a curve of n bars with times {@code time[t]} and equity {@code equity[t]}:
 * <ul>
 *   <li>returns r_t = equity_t / equity_{t-1} - 1 for every bar t = 0..n-1, with equity_{-1}
 *       taken as initialCash (so the first bar's return counts too);</li>
 *   <li>periodsPerYear = (n - 1) / yearsSpanned where yearsSpanned = (time[n-1] - time[0]) /
 *       (365.25 days in millis); NaN if n &lt; 2 or the span is 0. It is data-driven: 252 daily
 *       bars over a year give about 252;</li>
 *   <li>finalEquity = last equity (initialCash when there are no bars); totalReturn =
 *       final / initialCash - 1; cagr = (final / initialCash)^(1 / yearsCovered) - 1 where
 *       yearsCovered = (dataEnd - time[0]) / 365.25 days is the span the data covers, from the
 *       first bar's open to the last bar's close (a year of daily bars covers a year, not a year
 *       less a day); NaN if the span is 0;</li>
 *   <li>volatility = sample standard deviation of r (n - 1 denominator) * sqrt(periodsPerYear);
 *       sharpe = mean(r) / stdev(r) * sqrt(periodsPerYear), risk-free rate 0, NaN if stdev is 0;
 *       sortino = mean(r) / sqrt(mean(min(r, 0)^2)) * sqrt(periodsPerYear), the mean taken over
 *       all n returns, NaN if no return is negative;</li>
 *   <li>maxDrawdown = max over t of (peak_t - equity_t) / peak_t as a positive fraction
 *       (0.12 = 12%), the peak running over initialCash and the equity so far;
 *       maxDrawdownDuration = the longest number of bars spent below a previous peak, from the
 *       bar after the peak to the bar that regains it (that bar, being back at the peak, is
 *       not counted) or to the end; calmar = cagr / maxDrawdown, NaN if maxDrawdown is 0;</li>
 *   <li>trades = number of closed trades; winRate = wins / trades, a win being pnl &gt; 0 and a
 *       loss pnl &lt; 0 (a trade at exactly 0 is neither); profitFactor = sum of winning pnl /
 *       |sum of losing pnl|, NaN without losses; avgWin = mean pnl of winners (NaN if none);
 *       avgLoss = mean pnl of losers, a negative number (NaN if none); expectancy = mean pnl
 *       per trade; all NaN without trades;</li>
 *   <li>exposure = fraction of bars whose exposure is &gt; 0; commissions and buyAndHoldReturn
 *       are passed through.</li>
 * </ul>
 */
public final class MetricsCalculator {
    /** 365.25 days: the calendar year that annualises returns whatever the bar period. */
    static final double YEAR_MILLIS = 365.25 * 24 * 60 * 60 * 1000;

    private MetricsCalculator() { }

    /** (n - 1) / yearsSpanned: how many bars of this curve make a year; NaN if n &lt; 2 or no time passes. */
    public static double periodsPerYear(long[] time) {
        double years = yearsSpanned(time);
        return years > 0 ? (time.length - 1) / years : Double.NaN;
    }

    /** (time[n-1] - time[0]) / 365.25 days; NaN with fewer than two bars. */
    static double yearsSpanned(long[] time) {
        int n = time.length;
        return n >= 2 ? (time[n - 1] - time[0]) / YEAR_MILLIS : Double.NaN;
    }

    /**
     * The metrics of a curve whose data ends at its last point's time (for curves that are not
     * bars, such as tests' hand-made points); see the six-argument form.
     */
    public static RunMetrics compute(EquityCurve curve, List<ClosedTrade> trades, double initialCash,
                                     double commissions, double buyAndHoldReturn) {
        long[] t = curve.time();
        return compute(curve, trades, initialCash, commissions, buyAndHoldReturn, t.length == 0 ? 0 : t[t.length - 1]);
    }

    /**
     * The metrics of a run that started with {@code initialCash} (positive) on data that ends
     * at {@code dataEnd} (the last bar's close, epoch millis); {@code commissions} and
     * {@code buyAndHoldReturn} are reported as given.
     */
    public static RunMetrics compute(EquityCurve curve, List<ClosedTrade> trades, double initialCash,
                                     double commissions, double buyAndHoldReturn, long dataEnd) {
        Objects.requireNonNull(curve, "curve");
        Objects.requireNonNull(trades, "trades");
        if (!(initialCash > 0) || Double.isInfinite(initialCash)) {
            throw new IllegalArgumentException("initial cash must be positive, was " + initialCash);
        }
        long[] time = curve.time();
        double[] equity = curve.equity();
        double[] exposure = curve.exposure();
        EquityStats stats = new EquityStats(initialCash, equity.length);
        for (int t = 0; t < equity.length; t++) stats.add(equity[t], exposure[t]);
        return stats.metrics(time, trades, commissions, buyAndHoldReturn, dataEnd);
    }
}
