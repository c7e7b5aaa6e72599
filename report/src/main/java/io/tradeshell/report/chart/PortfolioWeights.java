package io.tradeshell.report.chart;

import io.tradeshell.engine.model.BarSeries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What share of equity each symbol's position was worth at each equity point: the fills replayed
 * into positions, valued at each symbol's last close at or before that point. Worked out from
 * the files every run writes, so no run needs to record it.
 *
 * @param weights one row per symbol (in {@code symbols} order), one column per time; signed
 */
public record PortfolioWeights(long[] time, List<String> symbols, double[][] weights) {

    /**
     * @param universe the bars of each symbol
     * @param changes  the run's fills in time order
     * @param time     the equity points' times (the open time of the bars that just closed)
     * @param equity   the equity at each of them
     */
    public static PortfolioWeights of(List<BarSeries> universe, List<PositionChange> changes, long[] time, double[] equity) {
        int n = universe.size(), m = time.length;
        Map<String, Integer> slot = new HashMap<>();
        List<String> symbols = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            slot.put(universe.get(k).symbol(), k);
            symbols.add(universe.get(k).symbol());
        }
        double[][] w = new double[n][m];
        double[] held = new double[n];
        int[] bar = new int[n];
        int next = 0;
        for (int t = 0; t < m; t++) {
            // fills at this time's open belong to it: the equity point is taken after the bar closed
            while (next < changes.size() && changes.get(next).time() <= time[t]) {
                Integer k = slot.get(changes.get(next).symbol());
                if (k != null) held[k] += changes.get(next).units();
                next++;
            }
            for (int k = 0; k < n; k++) {
                BarSeries s = universe.get(k);
                while (bar[k] < s.size() && s.openTime(bar[k]) <= time[t]) bar[k]++;
                if (held[k] == 0 || bar[k] == 0 || !(equity[t] > 0)) continue;
                w[k][t] = held[k] * s.close(bar[k] - 1) / equity[t];
            }
        }
        return new PortfolioWeights(time, List.copyOf(symbols), w);
    }

    /** Whether any symbol was ever held. */
    public boolean isEmpty() {
        for (double[] row : weights) for (double v : row) if (v != 0) return false;
        return true;
    }
}
