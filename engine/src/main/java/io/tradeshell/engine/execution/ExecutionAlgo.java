package io.tradeshell.engine.execution;

import io.tradeshell.engine.data.BarPeriods;
import java.time.Duration;

/**
 * How a parent order is worked: a schedule of child orders, each a plain market order to the
 * broker. Every schedule is decided from what is known when it runs (the clock, bars and trades
 * already seen), so it is the same in every mode.
 */
public sealed interface ExecutionAlgo {
    /** In words, for outputs and the console: {@code twap 30m x10}. */
    String describe();

    /**
     * Time-weighted: {@code slices} equal children, the first at the decision and one every
     * {@code durationMillis / slices} after it.
     */
    record Twap(long durationMillis, int slices) implements ExecutionAlgo {
        public Twap {
            positive(durationMillis, "twap");
            if (slices < 1 || slices > 10_000) throw new IllegalArgumentException("twap slices must be 1 to 10000, was " + slices);
        }

        public String describe() { return "twap " + BarPeriods.format(Duration.ofMillis(durationMillis)) + " x" + slices; }
    }

    /**
     * Volume-weighted: one child per bar of the horizon, each the share of the parent that the
     * same time of day traded on average over the last {@code lookbackDays} days.
     */
    record Vwap(long durationMillis, int lookbackDays) implements ExecutionAlgo {
        public Vwap {
            positive(durationMillis, "vwap");
            if (lookbackDays < 1 || lookbackDays > 3650) throw new IllegalArgumentException("vwap lookback must be 1 to 3650 days, was " + lookbackDays);
        }

        public String describe() {
            return "vwap " + BarPeriods.format(Duration.ofMillis(durationMillis)) + " lookback " + lookbackDays + "d";
        }
    }

    /**
     * Participation of volume: after each bar (or trade) the children add up to {@code rate}
     * of the volume traded since the decision, each child at most {@code maxChildQty} units
     * (0: no cap).
     */
    record Pov(double rate, double maxChildQty) implements ExecutionAlgo {
        public Pov {
            if (!(rate > 0 && rate <= 1)) throw new IllegalArgumentException("pov rate must be above 0 and at most 1, was " + rate);
            if (!(maxChildQty >= 0) || Double.isInfinite(maxChildQty)) throw new IllegalArgumentException("pov max must be a number >= 0, was " + maxChildQty);
        }

        public String describe() {
            String rateText = Double.toString(Math.round(rate * 1e6) / 1e4);
            return "pov " + (rateText.endsWith(".0") ? rateText.substring(0, rateText.length() - 2) : rateText) + "%"
                    + (maxChildQty > 0 ? " max " + maxChildQty : "");
        }
    }

    private static void positive(long millis, String word) {
        if (millis <= 0) throw new IllegalArgumentException(word + " needs a duration above zero");
    }

    /** A duration as the DSL and console write it: {@code '30m'}, {@code '1h'}, {@code '2d'}. */
    static long duration(String text) {
        try {
            return BarPeriods.parse(text).toMillis();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("duration '" + text + "' is not understood: write a whole number and s, m, h or d, such as 30m or 1h");
        }
    }

    static Twap twap(String duration, int slices) { return new Twap(duration(duration), slices); }

    static Vwap vwap(String duration, int lookbackDays) { return new Vwap(duration(duration), lookbackDays); }

    static Pov pov(double rate, double maxChildQty) { return new Pov(rate, maxChildQty); }

    /**
     * Reads the console's form: {@code twap:30m:10}, {@code vwap:1h[:20]}, {@code pov:0.1[:500]}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static ExecutionAlgo parse(String text) {
        String[] p = text.trim().split(":");
        try {
            return switch (p[0].toLowerCase(java.util.Locale.ROOT)) {
                case "twap" -> twap(p[1], p.length > 2 ? Integer.parseInt(p[2]) : 10);
                case "vwap" -> vwap(p[1], p.length > 2 ? Integer.parseInt(p[2]) : 20);
                case "pov" -> pov(Double.parseDouble(p[1]), p.length > 2 ? Double.parseDouble(p[2]) : 0);
                default -> throw new IllegalArgumentException("unknown execution algo '" + p[0] + "' (twap, vwap or pov)");
            };
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("cannot read the algo '" + text + "': write twap:30m:10, vwap:1h[:20] or pov:0.1[:500]");
        }
    }
}
