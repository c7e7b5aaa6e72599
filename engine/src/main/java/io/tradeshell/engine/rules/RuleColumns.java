package io.tradeshell.engine.rules;

import io.tradeshell.engine.indicators.Indicator;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A rule as a column: the bars where it holds, as a bitset, worked out in one go from its
 * indicators' values over the whole series instead of bar by bar. Bit {@code i} is what
 * {@link Rule#test} says at bar {@code i}: the same comparisons of the same values, so a column
 * reads at each bar only values up to that bar, as the rule does.
 *
 * <p>Only the rule kinds of {@link Rules} over indicators whose values the caller can give as
 * arrays are columns; anything else (a rule of another kind, an indicator of the account) is
 * not, and {@link #of} says so with null. Columns are memoised per rule and per indicator, so a
 * rule shared by several strategies is worked out once.
 */
public final class RuleColumns {
    /** The values of an indicator at every bar of the series, or null when they cannot be known ahead. */
    @FunctionalInterface
    public interface Values {
        double[] of(Indicator indicator);
    }

    private final int n;
    private final Values values;
    private final Map<Rule, long[]> rules = new IdentityHashMap<>();
    /** Columns by what they are made of (kind, settings, the very arrays of values), so equal rules of different strategies share one. */
    private final Map<java.util.List<Object>, long[]> made = new java.util.HashMap<>();
    private final Map<Indicator, double[]> indicators = new IdentityHashMap<>();
    private static final long[] NONE = new long[0];

    /** Columns over {@code n} bars, the indicators' values given by {@code values}. */
    public RuleColumns(int n, Values values) {
        this.n = n;
        this.values = values;
    }

    /** The column of {@code rule}: bit i set where it holds at bar i; null when it is not a column. */
    public long[] of(Rule rule) {
        long[] known = rules.get(rule);
        if (known != null) return known == NONE ? null : known;
        long[] column = compute(rule);
        rules.put(rule, column == null ? NONE : column);
        return column;
    }

    /** The first bar at or after {@code from} where {@code column} holds, or {@code n} when none does (or the column is null). */
    public static int next(long[] column, int from, int n) {
        if (column == null || from >= n) return n;
        int w = from >>> 6;
        long word = column[w] & (-1L << from);
        while (true) {
            if (word != 0) return Math.min(n, (w << 6) + Long.numberOfTrailingZeros(word));
            if (++w == column.length) return n;
            word = column[w];
        }
    }

    private double[] values(Indicator indicator) {
        double[] v = indicators.get(indicator);
        if (v == null && !indicators.containsKey(indicator)) {
            v = values.of(indicator);
            if (v != null && v.length < n) v = null;
            indicators.put(indicator, v);
        }
        return v;
    }

    /** The column made of {@code parts}, computed by {@code make} unless an equal one was. */
    private long[] made(java.util.List<Object> parts, java.util.function.Consumer<long[]> make) {
        long[] out = made.get(parts);
        if (out == null) {
            out = new long[(n + 63) >>> 6];
            make.accept(out);
            made.put(parts, out);
        }
        return out;
    }

    private long[] compute(Rule rule) {
        if (rule instanceof Rules.Crossing c) {
            if (c.unstable < 0) return null;
            double[] hi = values(c.up ? c.a : c.b), lo = values(c.up ? c.b : c.a);
            if (hi == null || lo == null) return null;
            return crossing(hi, lo, c.unstable);
        }
        if (rule instanceof Rules.Comparison c) {
            double[] x = values(c.a()), y = values(c.b());
            if (x == null || y == null) return null;
            return made(java.util.List.of(c.over() ? "over" : "under", x, y), out -> compare(x, y, c.over(), out));
        }
        if (rule instanceof Rules.Trend t) {
            double[] a = values(t.a());
            if (a == null) return null;
            return made(java.util.List.of(t.up() ? "rising" : "falling", a, t.bars()), out -> trend(a, t.bars(), t.up(), out));
        }
        if (rule instanceof Rules.And r) {
            long[] x = of(r.a()), y = of(r.b());
            if (x == null || y == null) return null;
            return made(java.util.List.of("and", x, y), out -> {
                for (int w = 0; w < out.length; w++) out[w] = x[w] & y[w];
            });
        }
        if (rule instanceof Rules.Or r) {
            long[] x = of(r.a()), y = of(r.b());
            if (x == null || y == null) return null;
            return made(java.util.List.of("or", x, y), out -> {
                for (int w = 0; w < out.length; w++) out[w] = x[w] | y[w];
            });
        }
        if (rule instanceof Rules.Not r) {
            long[] x = of(r.a());
            if (x == null) return null;
            return made(java.util.List.of("not", x), out -> {
                for (int w = 0; w < out.length; w++) out[w] = ~x[w];
                if ((n & 63) != 0) out[out.length - 1] &= (1L << n) - 1;
            });
        }
        return null;
    }

    /**
     * The column of hi crossing over lo. A strategy that enters on one crossing mostly exits on
     * the other, so the crossing of lo over hi is worked out in the same walk over the values and kept.
     */
    private long[] crossing(double[] hi, double[] lo, int unstable) {
        java.util.List<Object> key = java.util.List.of("cross", hi, lo, unstable);
        long[] known = made.get(key);
        if (known != null) return known;
        long[] over = new long[(n + 63) >>> 6], under = new long[over.length];
        // test(i): hi > lo at i, and at the last earlier bar that is warming up or where they differ, hi < lo
        boolean lastBelow = false, lastAbove = false;
        for (int w = 0; w < over.length; w++) {
            int i0 = w << 6, end = Math.min(n, i0 + 64);
            if (i0 > unstable && end - i0 == 64) {
                // 64 bars past the warm-up: where they differ at every one (no tie, no NaN), the last
                // bar that differs before bar i is bar i - 1, so the crossings are bitwise sums
                long gt = 0, lt = 0;
                for (int k = 0; k < 64; k++) {
                    double h = hi[i0 + k], l = lo[i0 + k];
                    gt |= (h > l ? 1L : 0L) << k;
                    lt |= (h < l ? 1L : 0L) << k;
                }
                if ((gt | lt) == -1L) {
                    over[w] = gt & (lt << 1 | (lastBelow ? 1L : 0L));
                    under[w] = lt & (gt << 1 | (lastAbove ? 1L : 0L));
                    lastBelow = lt < 0;
                    lastAbove = gt < 0;
                    continue;
                }
            }
            long up = 0, down = 0;
            for (int i = i0; i < end; i++) {
                double h = hi[i], l = lo[i];
                boolean stable = i > unstable;
                up |= (stable & h > l & lastBelow ? 1L : 0L) << i;
                down |= (stable & l > h & lastAbove ? 1L : 0L) << i;
                boolean moved = !stable | h != l;
                lastBelow = moved ? h < l : lastBelow;
                lastAbove = moved ? l < h : lastAbove;
            }
            over[w] = up;
            under[w] = down;
        }
        made.put(key, over);
        made.putIfAbsent(java.util.List.of("cross", lo, hi, unstable), under);
        return over;
    }

    private void compare(double[] x, double[] y, boolean over, long[] out) {
        for (int i = 0; i < n; i++) {
            if (over ? x[i] > y[i] : x[i] < y[i]) out[i >>> 6] |= 1L << i;
        }
    }

    /** test(i): each of the last {@code bars} steps up to i rose (fell), i at least {@code bars}. */
    private void trend(double[] a, int bars, boolean up, long[] out) {
        int run = 0;
        for (int i = 1; i < n; i++) {
            double d = a[i] - a[i - 1];
            run = (up ? d > 0 : d < 0) ? run + 1 : 0;
            if (i >= bars && run >= bars) out[i >>> 6] |= 1L << i;
        }
    }
}
