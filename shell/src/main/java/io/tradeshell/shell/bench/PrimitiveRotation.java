package io.tradeshell.shell.bench;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A monthly top-N rotation written as a plain loop over primitive arrays, the yardstick for the
 * engine's portfolio section: the same ranking by rate of change, the same allocation (whole
 * shares, a cash buffer, a tolerance, sells paying for buys) and the same fills at the next open
 * with commission and slippage. All symbols share one calendar, bar {@code d} opening at
 * {@code times[d]}.
 */
final class PrimitiveRotation {
    private final double[][] open, close;
    private final long[] times;
    private final int lookback, top;
    private final double rate, slip, buffer, tolerance;

    PrimitiveRotation(double[][] open, double[][] close, long[] times, int lookback, int top,
                      double rate, double slipBps, double buffer, double tolerance) {
        this.open = open;
        this.close = close;
        this.times = times;
        this.lookback = lookback;
        this.top = top;
        this.rate = rate;
        this.slip = slipBps / 10_000.0;
        this.buffer = buffer;
        this.tolerance = tolerance;
    }

    /** Runs the rotation from {@code cash}, keeping the daily equity curve as the engine does; returns the number of fills. */
    int run(double cash) {
        int n = open.length, days = times.length, fills = 0;
        double[] curve = new double[days];
        double[] held = new double[n], pending = new double[n], roc = new double[n], wanted = new double[n];
        Integer[] order = new Integer[n];
        int previousMonth = -1;
        for (int d = 0; d < days; d++) {
            // the open's fills: sells first, then buys as far as the cash goes (a cash account)
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < n; k++) {
                    if (pending[k] == 0 || (pending[k] > 0) != (pass == 1)) continue;
                    double q = pending[k], price = q > 0 ? open[k][d] * (1 + slip) : open[k][d] * (1 - slip);
                    pending[k] = 0;
                    if (q > 0 && cash - q * price - q * price * rate < 0) q = Math.max(0, Math.floor(cash / (price * (1 + rate))));
                    while (q > 0 && cash - q * price - q * price * rate < 0) q--;
                    if (q == 0) continue;
                    cash -= q * price + Math.abs(q) * price * rate;
                    held[k] += q;
                    fills++;
                }
            }
            double marked = cash;
            for (int k = 0; k < n; k++) if (held[k] != 0) marked += held[k] * close[k][d];
            curve[d] = marked;
            LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(times[d], 86_400_000L));
            int month = date.getYear() * 12 + date.getMonthValue();
            boolean monthStart = month != previousMonth;
            previousMonth = month;
            if (!monthStart || d < lookback) continue;
            double equity = curve[d];
            for (int k = 0; k < n; k++) {
                roc[k] = (close[k][d] - close[k][d - lookback]) / close[k][d - lookback];
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> Double.compare(roc[b], roc[a]));
            Arrays.fill(wanted, 0);
            double investable = equity * (1 - buffer);
            int picks = Math.min(top, n);
            for (int r = 0; r < picks; r++) {
                int k = order[r];
                wanted[k] = Math.floor((1.0 / picks) * investable / close[k][d] + 1e-9);
            }
            double spendable = cash, cost = 0;
            for (int k = 0; k < n; k++) {
                double change = wanted[k] - held[k];
                if (change == 0 || (wanted[k] != 0 && Math.abs(change) * close[k][d] < tolerance * equity)) continue;
                pending[k] = change;
                double value = Math.abs(change) * close[k][d];
                if (change < 0) spendable += value * (1 - slip) * (1 - rate);
                else cost += value * (1 + slip) * (1 + rate);
            }
            if (cost > spendable) {
                double f = spendable / cost;
                for (int k = 0; k < n; k++) if (pending[k] > 0) pending[k] = Math.floor(pending[k] * f + 1e-9);
            }
        }
        return curve[days - 1] > 0 ? fills : -1;
    }
}
