package io.tradeshell.engine.metrics;

/**
 * The figures of accounts whose cash and position change only at known bars, for a sweep that
 * simulates each combination's trades only where they happen: each account is marked at every
 * close from its holdings and fed through the same arithmetic as {@link EquityStats#add}, in the
 * same order, so the figures are those of the account marked bar by bar, bit for bit.
 *
 * <p>An account walks its holdings stretch by stretch. While it holds a position it is marked at
 * each close; while it is flat its equity is its cash, so after the stretch's first bar every
 * return is exactly 0 and nothing else moves but the count of bars below the peak: the stretch is
 * taken in one step ({@link ReturnMoments} counts zeros rather than adding them). One division is
 * skipped where its outcome is known without it: a drawdown clearly below the deepest one so far
 * cannot replace it.
 */
public final class HoldingStats {
    private HoldingStats() { }

    /**
     * One account's holdings: from bar {@code from[k]} until bar {@code from[k + 1]}, {@code cash[k]}
     * and {@code qty[k]} units; {@code from[0]} is 0 and bars increase.
     */
    public record Holdings(int[] from, double[] cash, double[] qty, int count) { }

    /** An account's running sums and the moments of its bar returns. */
    public record Figures(EquityStats stats, ReturnMoments moments) { }

    /** The lowest and highest close of the series, both positive and finite. */
    private record Range(double lo, double hi) {
        /**
         * Whether holding {@code qty} units beside {@code cash} counts as exposed at every bar
         * the account's equity is positive: the position is worth at least 2^-99 at the lowest
         * close and the equity stays within 2^899 at the highest, so the test below holds at
         * each bar without its division (products round monotonically; the margins are wide).
         */
        boolean exposedThroughout(double cash, double qty) {
            double units = Math.abs(qty);
            return units * lo >= 0x1p-99 && Math.abs(cash) + units * hi <= 0x1p899;
        }
    }

    /** Just below 1: scales a product down past its two roundings. */
    private static final double SHRINK = 1 - 0x1p-50;

    /**
     * The figures of each account marked at {@code close[0..n)}, starting from {@code initialCash};
     * null for an account whose equity is not positive and finite at some close (the sweep
     * runs that one alone).
     */
    public static Figures[] of(double[] close, int n, double initialCash, Holdings[] accounts) {
        Figures[] out = new Figures[accounts.length];
        double[] returns = new double[n], equity = new double[n];
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int i = 0; i < n; i++) {
            double c = close[i];
            lo = c < lo ? c : lo;
            hi = c > hi ? c : hi;
        }
        // closes all positive and finite: a stretch's exposure can be settled from their range
        Range range = lo > 0 && hi < Double.POSITIVE_INFINITY ? new Range(lo, hi) : null;
        for (int a = 0; a < accounts.length; a++) out[a] = of(close, n, initialCash, accounts[a], returns, equity, range);
        return out;
    }

    /**
     * One account's figures; {@code returns} is room for its returns that are not 0, {@code equity}
     * for a stretch's equity. Each stretch goes through short loops (equity and returns, the
     * returns' sums, the losses, the equity's peaks, the exposure), each of which the processor
     * pipelines well, where one loop doing it all runs out of registers.
     */
    private static Figures of(double[] close, int n, double initialCash, Holdings h, double[] returns, double[] equity, Range range) {
        ReturnMoments.Sums sums = new ReturnMoments.Sums();
        int kept = 0;
        double prev = initialCash, peak = initialCash, ssl = 0, maxDd = 0, e = initialCash;
        int neg = 0, below = 0, longest = 0, exposed = 0;
        boolean ok = true;
        int[] starts = h.from();
        double[] cashes = h.cash(), qtys = h.qty();
        for (int s = 0, count = h.count(); s < count; s++) {
            int from = starts[s], to = s + 1 < count ? starts[s + 1] : n;
            if (from >= to) continue;
            double cash = cashes[s], qty = qtys[s];
            // flat: the first bar as any other, the rest at the same equity in one step
            int m = qty != 0 ? to - from : 1;
            for (int k = 0; k < m; k++) {
                double ek = qty != 0 ? cash + qty * close[from + k] : cash;
                equity[k] = ek;
                returns[kept + k] = ek / prev - 1;
                prev = ek;
            }
            int fresh = kept;
            kept = sums.addAll(returns, kept, kept + m);
            for (int k = fresh; k < kept; k++) {
                // a return's sign is a coin's toss: no branch on it (a select of doubles is one on x86), as
                // EquityStats' "if (r < 0)" would be: min(r, 0) squared adds r * r or exactly +0
                double ret = returns[k], loss = Math.min(ret, 0.0);
                ssl += loss * loss;
                neg += (int) (Double.doubleToRawLongBits(ret) >>> 63);
            }
            for (int k = 0; k < m; k++) {
                e = equity[k];
                if (!(e > 0 && e < Double.POSITIVE_INFINITY)) ok = false;
                boolean up = e >= peak;
                if (!up) {
                    double fall = peak - e, t = maxDd * peak * SHRINK;
                    if (fall >= t || t < 0x1p-900) {
                        double dd = fall / peak;
                        if (dd > maxDd) maxDd = dd;
                    }
                }
                peak = up ? e : peak;
                below = up ? 0 : below + 1;
                longest = Math.max(longest, below);
            }
            if (qty != 0 && range != null && range.exposedThroughout(cash, qty)) {
                exposed += m;
            } else if (qty != 0) {
                for (int k = 0; k < m; k++) {
                    double gross = Math.abs(qty * close[from + k]), ek = equity[k];
                    if (gross >= 0x1p-100 && ek > 0 && ek <= 0x1p900 || (ek > 0 ? gross / ek : 0) > 0) exposed++;
                }
            }
            int rest = to - from - m;
            if (rest > 0) {
                sums.zeros(rest);
                if (e < peak) { // e >= peak at a flat bar only resets the count, as it already was
                    below += rest;
                    if (below > longest) longest = below;
                }
            }
        }
        if (!ok) return null;
        ReturnMoments moments = sums.moments(returns, kept);
        return new Figures(new EquityStats(initialCash, n, prev, peak, moments, ssl, maxDd, neg, below, longest, exposed, e), moments);
    }
}
