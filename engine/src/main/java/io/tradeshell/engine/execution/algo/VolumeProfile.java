package io.tradeshell.engine.execution.algo;

import io.tradeshell.engine.model.BarSeries;
import java.util.HashMap;
import java.util.Map;

/**
 * The VWAP schedule, learned at the decision from bars already closed: the horizon is cut into
 * slots of one bar, and each slot gets the average volume that its time of day (UTC) traded
 * over the last {@code lookbackDays} days. A slot never seen in that window gets the average of
 * those that were; with no history at all every slot weighs the same.
 */
final class VolumeProfile {
    static final long DAY = 86_400_000L;

    private VolumeProfile() { }

    /** The schedule for a parent decided at {@code decision} over {@code horizonMillis}. */
    static ChildSchedule.Timed schedule(BarSeries bars, long decision, long horizonMillis, int lookbackDays) {
        long period = bars.periodMillis();
        int slots = (int) Math.max(1, Math.min(100_000, (horizonMillis + period - 1) / period));
        Map<Long, double[]> byTimeOfDay = history(bars, decision - lookbackDays * DAY, decision);
        double seen = 0;
        for (double[] v : byTimeOfDay.values()) seen += v[0] / v[1];
        double fallback = byTimeOfDay.isEmpty() ? 1 : seen / byTimeOfDay.size();
        long[] times = new long[slots];
        double[] weight = new double[slots];
        double total = 0;
        for (int j = 0; j < slots; j++) {
            times[j] = decision + j * period;
            double[] v = byTimeOfDay.get(Math.floorMod(Math.floorDiv(times[j], period) * period, DAY));
            weight[j] = v == null ? fallback : v[0] / v[1];
            total += weight[j];
        }
        double[] cumulative = new double[slots];
        double sum = 0;
        for (int j = 0; j < slots; j++) {
            sum += weight[j];
            cumulative[j] = total > 0 ? sum / total : (j + 1.0) / slots;
        }
        cumulative[slots - 1] = 1;
        return new ChildSchedule.Timed(times, cumulative);
    }

    /** Volume summed and bars counted per time of day, over bars opened in [from, before). */
    private static Map<Long, double[]> history(BarSeries bars, long from, long before) {
        Map<Long, double[]> out = new HashMap<>();
        for (int i = bars.lastIndex(); i >= 0; i--) {
            long open = bars.openTime(i);
            if (open < from) break;
            if (open >= before) continue;
            double[] v = out.computeIfAbsent(Math.floorMod(open, DAY), k -> new double[2]);
            v[0] += bars.volume(i);
            v[1]++;
        }
        return out;
    }
}
