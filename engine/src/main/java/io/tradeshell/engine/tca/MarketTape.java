package io.tradeshell.engine.tca;

import java.util.Arrays;

/**
 * One symbol's market as the run saw it, event by event (a bar, or a trade): its first and
 * last price and running sums of price x volume and volume, so the VWAP of any run of events
 * is two subtractions. A bar counts at its typical price (high + low + close) / 3.
 */
final class MarketTape {
    private double[] first = new double[256], last = new double[256], priceVolume = new double[256], volume = new double[256];
    private int size;

    void add(double firstPrice, double lastPrice, double typical, double v) {
        if (size == first.length) {
            int cap = size * 2;
            first = Arrays.copyOf(first, cap);
            last = Arrays.copyOf(last, cap);
            priceVolume = Arrays.copyOf(priceVolume, cap);
            volume = Arrays.copyOf(volume, cap);
        }
        double pv = size == 0 ? 0 : priceVolume[size - 1];
        double vv = size == 0 ? 0 : volume[size - 1];
        first[size] = firstPrice;
        last[size] = lastPrice;
        priceVolume[size] = pv + typical * v;
        volume[size] = vv + v;
        size++;
    }

    /** The index of the newest event, -1 before the first. */
    int now() { return size - 1; }

    double first(int i) { return i >= 0 && i < size ? first[i] : Double.NaN; }

    double last(int i) { return i >= 0 && i < size ? last[i] : Double.NaN; }

    /** VWAP of events {@code from..to}, both included; NaN without volume. */
    double vwap(int from, int to) {
        if (from < 0 || to >= size || to < from) return Double.NaN;
        double pv = priceVolume[to] - (from == 0 ? 0 : priceVolume[from - 1]);
        double v = volume[to] - (from == 0 ? 0 : volume[from - 1]);
        return v > 0 ? pv / v : Double.NaN;
    }
}
