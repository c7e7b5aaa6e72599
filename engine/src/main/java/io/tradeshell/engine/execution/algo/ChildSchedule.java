package io.tradeshell.engine.execution.algo;

/**
 * How many units of a parent the children should add up to by now. Time schedules (TWAP,
 * VWAP) are fixed at the decision; the participation schedule grows with the volume traded
 * since the decision.
 */
sealed interface ChildSchedule {
    /** Units due by {@code now}, in whole lots, at most {@code qty}. */
    double due(long now, double qty, double lot);

    /** Volume traded after the decision (a bar's or a trade's); only participation counts it. */
    default void traded(double volume) { }

    /** The largest single child (0: no cap). */
    default double maxChild() { return 0; }

    /**
     * Fractions of the parent due from given times on: {@code cumulative[k]} of it once the
     * clock reaches {@code times[k]}; the last fraction is 1.
     */
    record Timed(long[] times, double[] cumulative) implements ChildSchedule {
        public double due(long now, double qty, double lot) {
            int k = -1;
            while (k + 1 < times.length && times[k + 1] <= now) k++;
            if (k < 0) return 0;
            return cumulative[k] >= 1 ? qty : Math.min(qty, lots(qty * cumulative[k], lot));
        }

        /** TWAP's schedule: {@code slices} equal parts, one every {@code duration / slices} from the decision. */
        static Timed evenly(long decision, long durationMillis, int slices) {
            long[] times = new long[slices];
            double[] cumulative = new double[slices];
            for (int k = 0; k < slices; k++) {
                times[k] = decision + durationMillis * k / slices;
                cumulative[k] = (k + 1.0) / slices;
            }
            cumulative[slices - 1] = 1;
            return new Timed(times, cumulative);
        }
    }

    /** {@code rate} of the volume traded since the decision, each child at most {@code maxChild} units (0: no cap). */
    final class Participation implements ChildSchedule {
        private final double rate;
        private final double maxChild;
        private double volume;

        Participation(double rate, double maxChild) {
            this.rate = rate;
            this.maxChild = maxChild;
        }

        public void traded(double v) {
            if (v > 0) volume += v;
        }

        public double due(long now, double qty, double lot) { return Math.min(qty, lots(rate * volume, lot)); }

        public double maxChild() { return maxChild; }
    }

    /** Rounds down to whole lots ({@code lot} 0: any fraction). */
    static double lots(double units, double lot) {
        if (!(lot > 0)) return units;
        return Math.floor(units / lot + 1e-9) * lot;
    }
}
