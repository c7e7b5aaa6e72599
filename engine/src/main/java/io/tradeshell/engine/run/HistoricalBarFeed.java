package io.tradeshell.engine.run;

import io.tradeshell.engine.model.BarSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays loaded bar series in the order their bars close, merging several symbols, so bars of
 * different periods interleave as they would become known; ties go to the lower slot.
 */
public final class HistoricalBarFeed implements Feed {
    private final BarSeries[] series;
    private final int[] cursor;
    private final List<String> symbols;
    private long delivered;

    public HistoricalBarFeed(List<BarSeries> series) {
        this.series = series.toArray(new BarSeries[0]);
        this.cursor = new int[this.series.length];
        this.symbols = new ArrayList<>();
        for (BarSeries s : series) symbols.add(s.symbol());
    }

    @Override
    public List<String> symbols() { return symbols; }

    @Override
    public long periodMillis(int slot) { return series[slot].periodMillis(); }

    @Override
    public int priceScale(int slot) { return series[slot].priceScale(); }

    @Override
    public boolean next(FeedSink sink) {
        int slot = nextSlot();
        if (slot < 0) return false;
        BarSeries s = series[slot];
        int i = cursor[slot]++;
        delivered++;
        sink.onBar(slot, s.openTime(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
        return true;
    }

    private int nextSlot() {
        if (series.length == 1) return cursor[0] < series[0].size() ? 0 : -1;
        int best = -1;
        long bestTime = Long.MAX_VALUE;
        for (int k = 0; k < series.length; k++) {
            if (cursor[k] < series[k].size()) {
                long t = series[k].closeTime(cursor[k]);
                if (t < bestTime) {
                    bestTime = t;
                    best = k;
                }
            }
        }
        return best;
    }

    @Override
    public long peekBarTime() {
        int slot = nextSlot();
        return slot < 0 ? Long.MAX_VALUE : series[slot].closeTime(cursor[slot]);
    }

    @Override
    public long position() { return delivered; }
}
