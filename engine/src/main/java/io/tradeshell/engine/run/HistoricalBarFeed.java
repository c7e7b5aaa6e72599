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
    private final SlotQueue queue;
    private long delivered;

    public HistoricalBarFeed(List<BarSeries> series) {
        this.series = series.toArray(new BarSeries[0]);
        this.cursor = new int[this.series.length];
        this.symbols = new ArrayList<>();
        for (BarSeries s : series) symbols.add(s.symbol());
        this.queue = new SlotQueue(this.series.length);
        for (int k = 0; k < this.series.length; k++) if (!this.series[k].isEmpty()) queue.add(k, this.series[k].closeTime(0));
    }

    @Override
    public List<String> symbols() { return symbols; }

    @Override
    public long periodMillis(int slot) { return series[slot].periodMillis(); }

    @Override
    public int priceScale(int slot) { return series[slot].priceScale(); }

    @Override
    public boolean next(FeedSink sink) {
        if (queue.isEmpty()) return false;
        int slot = queue.first();
        BarSeries s = series[slot];
        int i = cursor[slot]++;
        if (cursor[slot] < s.size()) queue.moveFirst(s.closeTime(cursor[slot]));
        else queue.removeFirst();
        delivered++;
        sink.onBar(slot, s.openTime(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
        return true;
    }

    @Override
    public long peekBarTime() {
        return queue.isEmpty() ? Long.MAX_VALUE : queue.firstTime();
    }

    @Override
    public long position() { return delivered; }
}
