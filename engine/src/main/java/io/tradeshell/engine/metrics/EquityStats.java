package io.tradeshell.engine.metrics;

import io.tradeshell.engine.trade.ClosedTrade;
import java.util.List;

/**
 * The running sums {@link MetricsCalculator} keeps over an equity curve, fed one bar at a time.
 * A sweep that marks many accounts bar by bar feeds one of these per account as it goes, and
 * gets exactly the metrics {@link MetricsCalculator#compute} gives for the finished curve: both
 * go through this class, so they do the same floating-point operations in the same order. The
 * mean and spread of the returns (Sharpe, volatility, Sortino's mean) are {@link ReturnMoments}'
 * two passes, over the returns that are not 0 kept as they come.
 */
public final class EquityStats {
    private final double initialCash;
    private double previous, peak;
    private double sumSquaredLosses, maxDrawdown;
    private int n, negativeReturns, barsBelowPeak, longestBelowPeak, exposedBars;
    private double lastEquity;
    private final ReturnMoments.Sums sums = new ReturnMoments.Sums();
    /** The returns in bar order: {@code [0..packed)} those not 0 already summed, {@code [packed..size)} the ones since. */
    private double[] returns;
    private int packed, size;
    /** The moments, once worked out (or as {@link HoldingStats} worked them out). */
    private ReturnMoments moments;

    public EquityStats(double initialCash) {
        this(initialCash, 16);
    }

    /** Sums for a curve of about {@code bars} bars: room for their returns from the start, not grown as they come. */
    public EquityStats(double initialCash, int bars) {
        if (!(initialCash > 0) || Double.isInfinite(initialCash)) {
            throw new IllegalArgumentException("initial cash must be positive, was " + initialCash);
        }
        this.initialCash = initialCash;
        this.previous = initialCash;
        this.peak = initialCash;
        this.returns = new double[Math.max(1, bars)];
    }

    /** The sums as {@link HoldingStats} ran them, with this class's own updates, over {@code n} bars. */
    EquityStats(double initialCash, int n, double previous, double peak, ReturnMoments moments, double sumSquaredLosses,
                double maxDrawdown, int negativeReturns, int barsBelowPeak, int longestBelowPeak, int exposedBars, double lastEquity) {
        this(initialCash, 1);
        this.n = n;
        this.previous = previous;
        this.peak = peak;
        this.moments = moments;
        this.sumSquaredLosses = sumSquaredLosses;
        this.maxDrawdown = maxDrawdown;
        this.negativeReturns = negativeReturns;
        this.barsBelowPeak = barsBelowPeak;
        this.longestBelowPeak = longestBelowPeak;
        this.exposedBars = exposedBars;
        this.lastEquity = lastEquity;
    }

    /** The next bar's equity and exposure. */
    public void add(double e, double exposure) {
        double r = e / previous - 1;
        previous = e;
        if (size == returns.length) returns = java.util.Arrays.copyOf(returns, size * 2);
        returns[size++] = r;
        moments = null;
        if (r < 0) {
            sumSquaredLosses += r * r;
            negativeReturns++;
        }
        if (e >= peak) {
            peak = e;
            barsBelowPeak = 0;
        } else {
            if (++barsBelowPeak > longestBelowPeak) longestBelowPeak = barsBelowPeak;
            double drawdown = (peak - e) / peak;
            if (drawdown > maxDrawdown) maxDrawdown = drawdown;
        }
        if (exposure > 0) exposedBars++;
        lastEquity = e;
        n++;
    }

    /** The mean, spread and shape of the bar returns added so far. */
    public ReturnMoments moments() {
        if (moments == null) {
            packed = size = sums.addAll(returns, packed, size);
            moments = sums.moments(returns, packed);
        }
        return moments;
    }

    /** The metrics of the bars added so far, stamped with {@code time} (one per bar), as {@link MetricsCalculator} defines them. */
    public RunMetrics metrics(long[] time, List<ClosedTrade> trades, double commissions, double buyAndHoldReturn, long dataEnd) {
        if (time.length != n) throw new IllegalArgumentException("equity points " + n + " and times " + time.length + " differ");
        double finalEquity = n > 0 ? lastEquity : initialCash;
        double years = n > 0 && dataEnd > time[0] ? (dataEnd - time[0]) / MetricsCalculator.YEAR_MILLIS : Double.NaN;
        double rootPeriodsPerYear = Math.sqrt(MetricsCalculator.periodsPerYear(time));
        ReturnMoments m = moments();
        double mean = m.mean(), stdev = m.stdev();
        double cagr = years > 0 ? Math.pow(finalEquity / initialCash, 1 / years) - 1 : Double.NaN;

        int count = 0, wins = 0, losses = 0;
        double grossWin = 0, grossLoss = 0, net = 0;
        for (ClosedTrade trade : trades) {
            double pnl = trade.pnl();
            count++;
            net += pnl;
            if (pnl > 0) {
                wins++;
                grossWin += pnl;
            } else if (pnl < 0) {
                losses++;
                grossLoss += pnl;
            }
        }

        return new RunMetrics(
                finalEquity,
                finalEquity / initialCash - 1,
                cagr,
                stdev * rootPeriodsPerYear,
                stdev > 0 ? mean / stdev * rootPeriodsPerYear : Double.NaN,
                negativeReturns > 0 ? mean / Math.sqrt(sumSquaredLosses / n) * rootPeriodsPerYear : Double.NaN,
                maxDrawdown,
                longestBelowPeak,
                maxDrawdown > 0 ? cagr / maxDrawdown : Double.NaN,
                count,
                count > 0 ? (double) wins / count : Double.NaN,
                losses > 0 ? grossWin / -grossLoss : Double.NaN,
                wins > 0 ? grossWin / wins : Double.NaN,
                losses > 0 ? grossLoss / losses : Double.NaN,
                count > 0 ? net / count : Double.NaN,
                n > 0 ? (double) exposedBars / n : Double.NaN,
                commissions,
                buyAndHoldReturn);
    }
}
