package io.tradeshell.engine.run;

import io.tradeshell.engine.model.BarSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays loaded bar series in the order their bars close, merging several symbols, so bars of
 * different periods interleave as they would become known; ties go to the lower slot.
 *
 * <p>When the symbols' bars do not all open and close together (an hourly symbol with a daily
 * one), each bar's open is also an event, at its open time: the broker fills what the open
 * executes then, so an hourly bar closing during a daily bar already sees a fill at the daily
 * open. At one time, bar closes come before bar opens, so an order decided at a close can fill
 * at an open of that same moment.
 */
public final class HistoricalBarFeed implements Feed {
    private final BarSeries[] series;
    private final int[] cursor;
    /** Whether the bar at {@code cursor[slot]} has had its open event. */
    private final boolean[] opened;
    private final boolean opens;
    private final List<String> symbols;
    /** Slots by their next close, when every bar opens and closes together: a large universe's fast path. */
    private final SlotQueue queue;
    /** The same fast path for a large universe, its bars copied into replay order (null for a few symbols). */
    private final ReplayLayout layout;
    private final long period;
    private long delivered;

    public HistoricalBarFeed(List<BarSeries> series) {
        this.series = series.toArray(new BarSeries[0]);
        this.cursor = new int[this.series.length];
        this.opened = new boolean[this.series.length];
        this.symbols = new ArrayList<>();
        for (BarSeries s : series) symbols.add(s.symbol());
        this.opens = !closeTogether(this.series);
        this.queue = new SlotQueue(this.series.length);
        this.layout = !opens && this.series.length >= ReplayLayout.MIN_SYMBOLS ? ReplayLayout.of(this.series) : null;
        long p = 0;
        for (BarSeries s : this.series) if (!s.isEmpty()) p = s.periodMillis();
        this.period = p;
        if (!opens && layout == null) for (int k = 0; k < this.series.length; k++) if (!this.series[k].isEmpty()) queue.add(k, this.series[k].closeTime(0));
    }

    /** Whether every series has the same period and phase, so no bar opens before another's close and closes after it. */
    private static boolean closeTogether(BarSeries[] all) {
        long period = -1, phase = -1;
        for (BarSeries s : all) {
            if (s.isEmpty()) continue;
            long p = s.periodMillis(), f = Math.floorMod(s.openTime(0), p);
            if (period < 0) {
                period = p;
                phase = f;
            } else if (p != period || f != phase) {
                return false;
            }
        }
        return true;
    }

    /** An empty series that shows the slot's bars as the loop appends them, without copying them (see {@link BarSeries#revealing}). */
    public BarSeries revealing(int slot) { return BarSeries.revealing(series[slot]); }

    /** The index in its series of the slot's bar delivered last (-1 before its first). */
    public int deliveredIndex(int slot) { return cursor[slot] - 1; }

    @Override
    public List<String> symbols() { return symbols; }

    @Override
    public long periodMillis(int slot) { return series[slot].periodMillis(); }

    @Override
    public int priceScale(int slot) { return series[slot].priceScale(); }

    @Override
    public boolean next(FeedSink sink) {
        if (!opens) return nextClose(sink);
        int slot = nextSlot();
        if (slot < 0) return false;
        BarSeries s = series[slot];
        int i = cursor[slot];
        delivered++;
        if (opens && !opened[slot]) {
            opened[slot] = true;
            sink.onOpen(slot, s.openTime(i), s.open(i), s.volume(i));
            return true;
        }
        cursor[slot]++;
        opened[slot] = false;
        sink.onBar(slot, s.openTime(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
        return true;
    }

    /** Bars that all open and close together need no open events: the next close is the next event. */
    private boolean nextClose(FeedSink sink) {
        if (layout != null) {
            int from = (int) delivered, size = layout.size();
            if (from >= size) return false;
            if (sink instanceof TradingLoop loop) {
                // the loop itself takes every bar of the next close time at once (they open and close together)
                long t = layout.time[from];
                int to = from;
                while (to < size && layout.time[to] == t) cursor[layout.slot[to++]]++;
                delivered = to;
                loop.onBarsOfOneTime(layout, from, to);
                return true;
            }
            int slot = layout.slot[from];
            cursor[slot]++;
            delivered++;
            sink.onBar(slot, layout.time[from], layout.open[from], layout.high[from], layout.low[from], layout.close[from], layout.volume[from]);
            return true;
        }
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

    /** The time of the slot's next event: its bar's open if not yet delivered, else its close. */
    private long eventTime(int k) {
        int i = cursor[k];
        return opens && !opened[k] ? series[k].openTime(i) : series[k].closeTime(i);
    }

    private int nextSlot() {
        if (series.length == 1) return cursor[0] < series[0].size() ? 0 : -1;
        int best = -1;
        long bestTime = Long.MAX_VALUE;
        boolean bestIsOpen = true;
        for (int k = 0; k < series.length; k++) {
            if (cursor[k] >= series[k].size()) continue;
            long t = eventTime(k);
            boolean isOpen = opens && !opened[k];
            // earlier first; at one time closes before opens; then the lower slot
            if (t < bestTime || (t == bestTime && bestIsOpen && !isOpen)) {
                bestTime = t;
                best = k;
                bestIsOpen = isOpen;
            }
        }
        return best;
    }

    @Override
    public long peekBarTime() {
        if (layout != null) return delivered < layout.size() ? layout.time[(int) delivered] + period : Long.MAX_VALUE;
        if (!opens) return queue.isEmpty() ? Long.MAX_VALUE : queue.firstTime();
        long next = Long.MAX_VALUE;
        for (int k = 0; k < series.length; k++) {
            if (cursor[k] < series[k].size()) next = Math.min(next, series[k].closeTime(cursor[k]));
        }
        return next;
    }

    @Override
    public long nextEventTime() {
        if (!opens) return peekBarTime();
        int slot = nextSlot();
        return slot < 0 ? Long.MAX_VALUE : eventTime(slot);
    }

    @Override
    public long position() { return delivered; }
}
