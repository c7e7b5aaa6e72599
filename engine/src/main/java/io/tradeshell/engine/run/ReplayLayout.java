package io.tradeshell.engine.run;

import io.tradeshell.engine.model.BarSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * The bars of a universe that opens and closes together, copied once into the order a replay
 * delivers them (by time, then slot), column by column. Replaying hundreds of symbols from their
 * own columns reads a different array at every bar, and the memory stalls cost far more than the
 * bar itself; from this layout a replay reads every column front to back.
 *
 * <p>A layout is kept for the last universes replayed, so the runs of a sweep or a benchmark
 * build it once, as they load their data once. It is only ever read by the feed: nothing a
 * strategy can reach holds it.
 */
final class ReplayLayout {
    /** Fewer symbols than this replay fast enough from their own columns. */
    static final int MIN_SYMBOLS = 8;
    private static final int KEPT = 2;
    private static final List<ReplayLayout> recent = new ArrayList<>();

    final int[] slot;
    final long[] time;
    final double[] open, high, low, close, volume;
    private final List<BarSeries> source;
    private final int[] sizes;

    private ReplayLayout(BarSeries[] series) {
        this.source = List.of(series);
        this.sizes = new int[series.length];
        int total = 0;
        for (int k = 0; k < series.length; k++) total += sizes[k] = series[k].size();
        slot = new int[total];
        int[] index = new int[total];
        SlotQueue queue = new SlotQueue(series.length);
        for (int k = 0; k < series.length; k++) if (sizes[k] > 0) queue.add(k, series[k].openTime(0));
        int[] cursor = new int[series.length];
        for (int e = 0; e < total; e++) {
            int k = queue.first();
            slot[e] = k;
            index[e] = cursor[k]++;
            if (cursor[k] < sizes[k]) queue.moveFirst(series[k].openTime(cursor[k]));
            else queue.removeFirst();
        }
        time = new long[total];
        for (int e = 0; e < total; e++) time[e] = series[slot[e]].openTime(index[e]);
        open = gather(series, index, BarSeries::open);
        high = gather(series, index, BarSeries::high);
        low = gather(series, index, BarSeries::low);
        close = gather(series, index, BarSeries::close);
        volume = gather(series, index, BarSeries::volume);
    }

    private interface Column {
        double at(BarSeries s, int i);
    }

    /** One column at a time: each pass keeps far fewer pages in play than all six at once. */
    private double[] gather(BarSeries[] series, int[] index, Column column) {
        double[] out = new double[slot.length];
        for (int e = 0; e < out.length; e++) out[e] = column.at(series[slot[e]], index[e]);
        return out;
    }

    int size() { return slot.length; }

    /** The layout of these series, built now or kept from an earlier replay of the same unchanged series. */
    static synchronized ReplayLayout of(BarSeries[] series) {
        for (ReplayLayout l : recent) {
            if (l.isOf(series)) return l;
        }
        ReplayLayout made = new ReplayLayout(series);
        recent.addFirst(made);
        if (recent.size() > KEPT) recent.removeLast();
        return made;
    }

    /** The same series objects, none grown since (a series only grows). */
    private boolean isOf(BarSeries[] series) {
        if (series.length != source.size()) return false;
        for (int k = 0; k < series.length; k++) {
            if (series[k] != source.get(k) || series[k].size() != sizes[k]) return false;
        }
        return true;
    }
}
