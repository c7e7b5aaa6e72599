package io.tradeshell.engine.rules;

import io.tradeshell.engine.indicators.Indicator;

/** Factory for the rule helpers the DSL exposes: crossings, comparisons, trends, logic. */
public final class Rules {
    private Rules() { }

    /** {@code a} crosses above {@code b} at this bar: it was at or below {@code b} before and is above now. */
    public static Rule crossedOver(Indicator a, Indicator b) { return new Crossing(a, b, true); }

    /** {@code a} crosses below {@code b} at this bar. */
    public static Rule crossedUnder(Indicator a, Indicator b) { return new Crossing(a, b, false); }

    public static Rule over(Indicator a, Indicator b) { return new Comparison(a, b, true); }

    public static Rule under(Indicator a, Indicator b) { return new Comparison(a, b, false); }

    /** {@code a} has risen strictly over each of the last {@code bars} bars. */
    public static Rule rising(Indicator a, int bars) { return new Trend(a, bars, true); }

    public static Rule falling(Indicator a, int bars) { return new Trend(a, bars, false); }

    public static Rule and(Rule a, Rule b) { return new And(a, b); }

    public static Rule or(Rule a, Rule b) { return new Or(a, b); }

    public static Rule not(Rule a) { return new Not(a); }

    /**
     * A crossing exactly as ta4j's {@code CrossIndicator} decides it: {@code a} is above
     * {@code b} now, and the last earlier bar where they differed had {@code a} below. So a
     * touch (below, equal, above) is one crossing, and (above, equal, above) is none. Ties are
     * common in real minute data, which is why the look-back past equal bars matters.
     */
    static final class Crossing implements Rule {
        final Indicator a, b;
        final boolean up;
        final int unstable;

        Crossing(Indicator a, Indicator b, boolean up) {
            this.a = a;
            this.b = b;
            this.up = up;
            this.unstable = Math.max(a.unstableBars(), b.unstableBars());
        }

        @Override
        public boolean test(int i) {
            Indicator hi = up ? a : b, lo = up ? b : a;
            if (i <= unstable || !(hi.value(i) > lo.value(i))) return false;
            do {
                i--;
            } while (i > unstable && hi.value(i) == lo.value(i));
            return hi.value(i) < lo.value(i);
        }

        @Override
        public int unstableBars() { return unstable + 1; }

        @Override
        public String toString() { return (up ? "crossedOver(" : "crossedUnder(") + a + ", " + b + ")"; }
    }

    record Comparison(Indicator a, Indicator b, boolean over) implements Rule {
        @Override
        public boolean test(int i) {
            double x = a.value(i), y = b.value(i);
            return over ? x > y : x < y;
        }

        @Override
        public int unstableBars() { return Math.max(a.unstableBars(), b.unstableBars()); }

        @Override
        public String toString() { return (over ? "over(" : "under(") + a + ", " + b + ")"; }
    }

    record Trend(Indicator a, int bars, boolean up) implements Rule {
        Trend {
            if (bars < 1) throw new IllegalArgumentException("rising/falling need at least 1 bar, was " + bars);
        }

        @Override
        public boolean test(int i) {
            if (i < bars) return false;
            for (int k = i - bars + 1; k <= i; k++) {
                double d = a.value(k) - a.value(k - 1);
                // Written so a NaN step (an indicator still warming up) is neither a rise nor a fall.
                if (up ? !(d > 0) : !(d < 0)) return false;
            }
            return true;
        }

        @Override
        public int unstableBars() { return a.unstableBars() + bars; }

        @Override
        public String toString() { return (up ? "rising(" : "falling(") + a + ", " + bars + ")"; }
    }

    record And(Rule a, Rule b) implements Rule {
        @Override
        public boolean test(int i) { return a.test(i) && b.test(i); }

        @Override
        public int unstableBars() { return Math.max(a.unstableBars(), b.unstableBars()); }

        @Override
        public String toString() { return "(" + a + " and " + b + ")"; }
    }

    record Or(Rule a, Rule b) implements Rule {
        @Override
        public boolean test(int i) { return a.test(i) || b.test(i); }

        @Override
        public int unstableBars() { return Math.max(a.unstableBars(), b.unstableBars()); }

        @Override
        public String toString() { return "(" + a + " or " + b + ")"; }
    }

    record Not(Rule a) implements Rule {
        @Override
        public boolean test(int i) { return !a.test(i); }

        @Override
        public int unstableBars() { return a.unstableBars(); }

        @Override
        public String toString() { return "not(" + a + ")"; }
    }
}
