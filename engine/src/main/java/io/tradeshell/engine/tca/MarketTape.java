package io.tradeshell.engine.tca;

import io.tradeshell.engine.model.BarSeries;
import java.util.Arrays;

/**
 * One symbol's market as the run saw it, event by event (a bar, or a trade): its first and
 * last price and running sums of price x volume and volume, so the VWAP of any run of events
 * is two subtractions. A bar counts at its typical price (high + low + close) / 3.
 *
 * <p>A tape of bars that a series also keeps ({@link #ofBars}) only counts them as they come
 * and reads their prices from the series when asked, summing an interval's bars directly: a
 * run over hundreds of symbols then keeps no second copy of its bars.
 */
final class MarketTape {
    /** The series whose bars this tape's events are, from {@link #offset} on; null for a recording tape. */
    private final BarSeries bars;
    private final int offset;
    private double[] first, last, priceVolume, volume;
    private int size;
    /**
     * A tape of bars: how many it heard and the newest bar's open and close (asked for before the
     * series shows the bar, at a fill at its open), kept by the book in arrays for every symbol,
     * so a bar costs the book three array writes and leaves the tape untouched.
     */
    private final Heard heard;
    private final int slot;

    /** Per symbol of a book: bars heard, and the newest one's open and close. */
    static final class Heard {
        final int[] count;
        final double[] open, close;

        Heard(int symbols) {
            count = new int[symbols];
            open = new double[symbols];
            close = new double[symbols];
            Arrays.fill(open, Double.NaN);
            Arrays.fill(close, Double.NaN);
        }

        void bar(int slot, double o, double c) {
            count[slot]++;
            open[slot] = o;
            close[slot] = c;
        }
    }

    private MarketTape(BarSeries bars, int capacity, Heard heard, int slot) {
        this.bars = bars;
        this.heard = heard;
        this.slot = slot;
        this.offset = bars == null ? 0 : bars.size();
        if (bars == null) {
            first = new double[capacity];
            last = new double[capacity];
            priceVolume = new double[capacity];
            volume = new double[capacity];
        }
    }

    /** A tape that records every event it is given. */
    static MarketTape recording() {
        return new MarketTape(null, 256, null, -1);
    }

    /** A tape whose events are the bars appended to {@code series} from now on, each counted in {@code heard} at {@code slot}. */
    static MarketTape ofBars(BarSeries series, Heard heard, int slot) {
        return new MarketTape(series, series.size(), heard, slot); // bars it held before (a live session's warm-up history) are not events
    }

    void add(double firstPrice, double lastPrice, double typical, double v) {
        if (bars != null) throw new IllegalStateException("the tape of " + bars.symbol() + " reads its bars from the series");
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

    /** Events so far. */
    private int size() { return heard == null ? size : heard.count[slot]; }

    /** The index of the newest event, -1 before the first. */
    int now() { return size() - 1; }

    double first(int i) {
        int size = size();
        if (i < 0 || i >= size) return Double.NaN;
        if (bars == null) return first[i];
        return i == size - 1 ? heard.open[slot] : bars.open(offset + i);
    }

    double last(int i) {
        int size = size();
        if (i < 0 || i >= size) return Double.NaN;
        if (bars == null) return last[i];
        return i == size - 1 ? heard.close[slot] : bars.close(offset + i);
    }

    /** VWAP of events {@code from..to}, both included; NaN without volume. */
    double vwap(int from, int to) {
        if (from < 0 || to >= size() || to < from) return Double.NaN;
        if (bars != null) return barsVwap(from, to);
        double pv = priceVolume[to] - (from == 0 ? 0 : priceVolume[from - 1]);
        double v = volume[to] - (from == 0 ? 0 : volume[from - 1]);
        return v > 0 ? pv / v : Double.NaN;
    }

    /** A tape of bars sums the bars of the interval from its series (the interval's fills have all happened: every bar of it is shown). */
    private double barsVwap(int from, int to) {
        double pv = 0, v = 0;
        for (int i = offset + from; i <= offset + to; i++) {
            pv += (bars.high(i) + bars.low(i) + bars.close(i)) / 3 * bars.volume(i);
            v += bars.volume(i);
        }
        return v > 0 ? pv / v : Double.NaN;
    }
}
