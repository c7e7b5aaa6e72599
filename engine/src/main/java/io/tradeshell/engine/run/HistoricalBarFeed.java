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
    /** The close time of the bars being delivered, and how many of them are still to come. */
    private long barTime;
    private int due;
    /** Where the search for the next slot closing at {@code barTime} resumes. */
    private int scan;
    private long delivered;

    public HistoricalBarFeed(List<BarSeries> series) {
        this.series = series.toArray(new BarSeries[0]);
        this.cursor = new int[this.series.length];
        this.symbols = new ArrayList<>();
        for (BarSeries s : series) symbols.add(s.symbol());
        nextBarTime();
    }

    /**
     * Finds the next close time and how many symbols have a bar closing then. One pass over
     * the symbols per bar time: a universe sharing one calendar costs a couple of steps per bar.
     */
    private void nextBarTime() {
        long t = Long.MAX_VALUE;
        int count = 0;
        for (int k = 0; k < series.length; k++) {
            if (cursor[k] >= series[k].size()) continue;
            long c = series[k].closeTime(cursor[k]);
            if (c < t) {
                t = c;
                count = 1;
            } else if (c == t) {
                count++;
            }
        }
        barTime = t;
        due = count;
        scan = 0;
    }

    @Override
    public List<String> symbols() { return symbols; }

    @Override
    public long periodMillis(int slot) { return series[slot].periodMillis(); }

    @Override
    public int priceScale(int slot) { return series[slot].priceScale(); }

    @Override
    public boolean next(FeedSink sink) {
        if (due == 0) return false;
        int slot = scan;
        while (cursor[slot] >= series[slot].size() || series[slot].closeTime(cursor[slot]) != barTime) slot++;
        scan = slot + 1;
        BarSeries s = series[slot];
        int i = cursor[slot]++;
        // before the bar goes out, so the loop can ask whether it ends its bar time
        if (--due == 0) nextBarTime();
        delivered++;
        sink.onBar(slot, s.openTime(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
        return true;
    }

    @Override
    public long peekBarTime() {
        return due == 0 ? Long.MAX_VALUE : barTime;
    }

    @Override
    public long position() { return delivered; }
}
