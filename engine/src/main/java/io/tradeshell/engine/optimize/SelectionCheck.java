package io.tradeshell.engine.optimize;

import io.tradeshell.engine.metrics.ReturnMoments;
import io.tradeshell.engine.metrics.SharpeStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the best of a sweep is skill or the luck of trying many combinations: its
 * probabilistic Sharpe ratio (chance that its true Sharpe ratio is above zero) and its deflated
 * Sharpe ratio (the same against the Sharpe ratio the best of that many skill-less trials would
 * show), both on per-bar returns, plus plain warnings such as too few trades.
 *
 * @param trials                 combinations tried (the whole plan, even when a table shows fewer)
 * @param sharpePerBar           the best combination's Sharpe ratio per bar, not annualised
 * @param returns                per-bar returns it was measured on
 * @param varianceOfTrialSharpes sample variance of the per-bar Sharpe ratios of the same trials that {@code trials}
 *                               counts, every one of them: a trial whose returns have no spread (it never
 *                               traded) counts with a Sharpe ratio of 0
 * @param expectedMaxSharpe      the per-bar Sharpe ratio luck alone gives the best of {@code trials}
 * @param probabilisticSharpe    PSR against a zero Sharpe ratio; NaN when it cannot be computed
 * @param deflatedSharpe         DSR for {@code trials} trials; NaN when it cannot be computed
 */
public record SelectionCheck(int trials, double sharpePerBar, int returns, double skewness, double kurtosis,
                             double varianceOfTrialSharpes, double expectedMaxSharpe, double probabilisticSharpe,
                             double deflatedSharpe, int trades, int minTrades, List<String> warnings) {
    /** Below this the deflated Sharpe ratio does not rule luck out. */
    public static final double CONFIDENCE = 0.95;

    public SelectionCheck {
        warnings = List.copyOf(warnings);
    }

    public static SelectionCheck of(List<SweepRow> rows, SweepRow best, int trials, int minTrades) {
        return of(best, trials, varianceOfSharpes(rows), minTrades);
    }

    /** The check of {@code best} among {@code trials} trials whose Sharpe ratios have the given variance. */
    public static SelectionCheck of(SweepRow best, int trials, double variance, int minTrades) {
        ReturnMoments m = best.returns();
        double sr = m.sharpe();
        double expectedMax = SharpeStatistics.expectedMaxSharpe(Math.max(1, trials), Double.isNaN(variance) ? 0 : variance);
        double psr = Double.isNaN(sr) ? Double.NaN : SharpeStatistics.probabilisticSharpe(sr, 0, m.count(), m.skewness(), m.kurtosis());
        double dsr = Double.isNaN(sr) ? Double.NaN : SharpeStatistics.probabilisticSharpe(sr, expectedMax, m.count(), m.skewness(), m.kurtosis());
        int trades = best.metrics().trades();
        List<String> warnings = new ArrayList<>();
        if (trades < minTrades) {
            warnings.add(String.format(Locale.ROOT, "the best combination rests on %d trade%s (fewer than %d): its figures say little",
                    trades, trades == 1 ? "" : "s", minTrades));
        }
        if (Double.isNaN(dsr)) {
            warnings.add("the best combination's returns have no spread or shape to test; PSR and DSR cannot be computed");
        } else if (dsr < CONFIDENCE) {
            warnings.add(String.format(Locale.ROOT, "deflated Sharpe ratio %.2f: after %d combinations the best Sharpe ratio may well be luck (want %.2f or more)",
                    dsr, trials, CONFIDENCE));
        }
        return new SelectionCheck(trials, sr, m.count(), m.skewness(), m.kurtosis(), variance, expectedMax, psr, dsr,
                trades, minTrades, warnings);
    }

    /**
     * Sample variance (n - 1) of the per-bar Sharpe ratios of every row, so it is taken over the
     * same trials the deflation counts; a row with no Sharpe ratio (flat returns: it never
     * traded) counts as 0, which is what its returns earn. NaN with fewer than two rows.
     */
    static double varianceOfSharpes(List<SweepRow> rows) {
        int n = 0;
        double mean = 0, m2 = 0;
        for (SweepRow r : rows) {
            double s = r.returns().sharpe();
            if (!Double.isFinite(s)) s = 0;
            n++;
            double d = s - mean;
            mean += d / n;
            m2 += d * (s - mean);
        }
        return n >= 2 ? m2 / (n - 1) : Double.NaN;
    }
}
