package io.tradeshell.shell.bench;

/**
 * The SMA crossover written as one loop over primitive arrays: the floor for what the
 * engine could cost. Crossings follow ta4j's rule, looking back past equal values.
 */
final class PrimitiveSmaCrossover {
    private PrimitiveSmaCrossover() { }

    /** Runs the strategy and returns the number of closed round trips. */
    static int run(double[] close, double[] open, int fast, int slow, long scale) {
        int n = close.length;
        double[] f = new double[n], s = new double[n];
        long sumF = 0, sumS = 0;
        for (int i = 0; i < n; i++) {
            long c = Math.round(close[i] * scale);
            sumF += c;
            sumS += c;
            if (i >= fast) sumF -= Math.round(close[i - fast] * scale);
            if (i >= slow) sumS -= Math.round(close[i - slow] * scale);
            f[i] = (double) sumF / ((long) Math.min(i + 1, fast) * scale);
            s[i] = (double) sumS / ((long) Math.min(i + 1, slow) * scale);
        }
        int unstable = slow - 1;
        boolean inMarket = false, pending = false;
        int trades = 0;
        double cash = 100_000, qty = 10, entry = 0;
        for (int i = unstable + 1; i < n; i++) {
            if (pending) {
                if (!inMarket) { entry = open[i]; inMarket = true; } else { cash += qty * (open[i] - entry); inMarket = false; trades++; }
                pending = false;
            }
            if (!inMarket ? crosses(f, s, i, unstable) : crosses(s, f, i, unstable)) pending = true;
        }
        return cash > 0 ? trades : -1;
    }

    private static boolean crosses(double[] a, double[] b, int i, int unstable) {
        if (!(a[i] > b[i])) return false;
        int k = i - 1;
        while (k > unstable && a[k] == b[k]) k--;
        return a[k] < b[k];
    }
}
