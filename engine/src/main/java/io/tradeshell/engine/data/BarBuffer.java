package io.tradeshell.engine.data;

import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.time.IsoTime;
import java.time.Duration;
import java.util.Arrays;

/**
 * Collects validated bars while a file is read, because the series can only be built once
 * the whole file has shown its period (the most common gap between bars) and price scale.
 */
final class BarBuffer {
    static final int MAX_EXACT_SCALE = 8;

    private long[] time = new long[1024];
    private double[] open = new double[1024], high = new double[1024], low = new double[1024],
            close = new double[1024], volume = new double[1024];
    private int size;
    private int priceScale;
    private boolean allDates = true;

    void add(long t, double o, double h, double l, double c, double v) {
        if (size == time.length) grow();
        time[size] = t;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        size++;
    }

    /** Notes the decimal digits one accepted price was written with. */
    void notePriceScale(int scale) {
        if (scale > priceScale) priceScale = scale;
    }

    /** Notes whether one accepted time was a bare date; the single-bar default depends on it. */
    void noteDateOnly(boolean dateOnly) {
        allDates &= dateOnly;
    }

    int size() {
        return size;
    }

    /**
     * The most common positive gap between consecutive bars (the smallest if several are
     * equally common); with fewer than two bars, {@code fallback} if given, else one day for
     * dates and one minute otherwise.
     */
    long inferPeriodMillis(long fallback) {
        if (size < 2) {
            if (fallback > 0) return fallback;
            return allDates ? IsoTime.DAY : 60_000L;
        }
        int gaps = size - 1;
        long first = time[1] - time[0];
        int same = 0;
        for (int i = 1; i < size; i++) {
            if (time[i] - time[i - 1] == first) same++;
        }
        if (same * 2 > gaps) return first;
        long[] diffs = new long[gaps];
        for (int i = 1; i < size; i++) diffs[i - 1] = time[i] - time[i - 1];
        Arrays.sort(diffs);
        long best = diffs[0];
        int bestRun = 0;
        for (int i = 0; i < gaps; ) {
            int j = i;
            while (j < gaps && diffs[j] == diffs[i]) j++;
            if (j - i > bestRun) {
                bestRun = j - i;
                best = diffs[i];
            }
            i = j;
        }
        return best;
    }

    /**
     * The series of the collected bars, each time moved by {@code shift} millis. The series
     * takes this buffer's columns as its own, so the buffer must not be used afterwards.
     */
    BarSeries toSeries(String symbol, long periodMillis, long shift) {
        int scale = priceScale > MAX_EXACT_SCALE ? -1 : priceScale;
        if (shift != 0) for (int i = 0; i < size; i++) time[i] += shift;
        BarSeries series = BarSeries.adopting(symbol, Duration.ofMillis(periodMillis), scale, size, time, open, high, low, close, volume);
        time = null;
        open = high = low = close = volume = null;
        return series;
    }

    private void grow() {
        int cap = time.length * 2;
        time = Arrays.copyOf(time, cap);
        open = Arrays.copyOf(open, cap);
        high = Arrays.copyOf(high, cap);
        low = Arrays.copyOf(low, cap);
        close = Arrays.copyOf(close, cap);
        volume = Arrays.copyOf(volume, cap);
    }
}
