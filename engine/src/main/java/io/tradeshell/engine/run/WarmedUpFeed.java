package io.tradeshell.engine.run;

import io.tradeshell.engine.model.BarSeries;
import java.util.List;

/**
 * A live feed with each symbol's recent history: bars that closed before the session started,
 * which the loop shows to the strategies as the bars before the first live one (so indicators
 * are warm at once) and never delivers as events, so nothing is traded on them.
 */
public final class WarmedUpFeed extends LiveFeedAround {
    private final List<BarSeries> history;

    /**
     * @param history one series per symbol, in slot order, each of bars closed before the live feed's first event
     */
    public WarmedUpFeed(Feed live, List<BarSeries> history) {
        super(live);
        if (history.size() != live.symbols().size()) {
            throw new IllegalArgumentException("warm-up history for " + history.size() + " symbols, the feed has " + live.symbols().size());
        }
        this.history = List.copyOf(history);
    }

    /**
     * The last {@code count} bars of {@code bars} that closed at or before {@code start}: what was
     * known when the session started, nothing later.
     */
    public static BarSeries before(BarSeries bars, long start, int count) {
        int end = 0;
        while (end < bars.size() && bars.openTime(end) + bars.periodMillis() <= start) end++;
        BarSeries out = new BarSeries(bars.symbol(), java.time.Duration.ofMillis(bars.periodMillis()), bars.priceScale(), Math.max(1, count));
        for (int i = Math.max(0, end - count); i < end; i++) out.appendFrom(bars, i);
        return out;
    }

    @Override
    public BarSeries warmUp(int slot) { return history.get(slot); }

    @Override
    public boolean next(FeedSink sink) { return live.next(sink); }

    @Override
    public long peekBarTime() { return live.peekBarTime(); }

    @Override
    public long nextEventTime() { return live.nextEventTime(); }

    @Override
    public long position() { return live.position(); }
}
