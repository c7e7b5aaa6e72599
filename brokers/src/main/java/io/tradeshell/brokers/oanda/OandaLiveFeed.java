package io.tradeshell.brokers.oanda;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.brokers.StreamedEvents;
import io.tradeshell.engine.run.Feed;
import io.tradeshell.engine.run.FeedSink;
import io.tradeshell.engine.run.TradingLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Live prices from OANDA's pricing stream as a {@link Feed} of ticks: each price line is a tick
 * at its mid price (one unit of tick volume, as OANDA counts candle volume), and the ticks of
 * each period make a bar, closed as soon as a price or a heartbeat of a later time arrives, the
 * way a trade feed's bars close by the clock. A period without prices makes no bar.
 *
 * <p>{@link #next} waits briefly for an event and returns without one when none came
 * ({@link StreamedEvents}), so the session looks at its commands while the market is quiet.
 */
public final class OandaLiveFeed implements Feed, TradingLoop.TickAware, AutoCloseable {
    private final List<String> instruments;
    private final Map<String, Integer> slots = new HashMap<>();
    private final long period;
    private final long[] barStart;
    private final double[] open, high, low, close, volume;
    private final StreamedEvents events;
    private long lastTime = Long.MIN_VALUE;
    private OandaStream stream;

    public OandaLiveFeed(List<String> instruments, Duration bar) {
        if (instruments.isEmpty()) throw new IllegalArgumentException("a live OANDA feed needs at least one instrument");
        this.instruments = List.copyOf(instruments);
        this.period = bar.toMillis();
        this.events = new StreamedEvents(period);
        int n = instruments.size();
        barStart = new long[n];
        java.util.Arrays.fill(barStart, Long.MIN_VALUE);
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
        for (int k = 0; k < n; k++) slots.put(instruments.get(k), k);
    }

    /** Connects to {@code rest}'s pricing stream; each trouble (a drop, a reconnection) is one line to {@code trouble}. */
    public OandaLiveFeed connect(OandaRest rest, java.util.function.Consumer<String> trouble) {
        stream = rest.pricing(instruments, this::onLine, trouble, OandaRest.STREAM_SILENCE).start();
        return this;
    }

    /** One line of the pricing stream (its thread): a price becomes a tick, and any time closes the bars it has passed. */
    public synchronized void onLine(JsonNode line) {
        String type = line.path("type").asText();
        if (!type.equals("PRICE") && !type.equals("HEARTBEAT")) return;
        long t;
        try {
            t = Instant.parse(line.path("time").asText()).toEpochMilli();
        } catch (RuntimeException e) {
            return; // a line without a time carries nothing to trade on
        }
        if (t < lastTime) return; // an older price than one already delivered
        lastTime = t;
        closeBarsBefore(t);
        if (!type.equals("PRICE")) return;
        Integer slot = slots.get(line.path("instrument").asText());
        double bid = line.path("bids").path(0).path("price").asDouble(Double.NaN), ask = line.path("asks").path(0).path("price").asDouble(Double.NaN);
        if (slot == null || Double.isNaN(bid) || Double.isNaN(ask)) return;
        double mid = (bid + ask) / 2;
        int k = slot;
        if (barStart[k] == Long.MIN_VALUE) {
            barStart[k] = Math.floorDiv(t, period) * period;
            open[k] = high[k] = low[k] = mid;
            volume[k] = 0;
        }
        high[k] = Math.max(high[k], mid);
        low[k] = Math.min(low[k], mid);
        close[k] = mid;
        volume[k] += 1;
        events.tick(k, t, mid, 1);
    }

    private void closeBarsBefore(long t) {
        for (int k = 0; k < barStart.length; k++) {
            if (barStart[k] != Long.MIN_VALUE && t >= barStart[k] + period) {
                events.bar(k, barStart[k], open[k], high[k], low[k], close[k], volume[k]);
                barStart[k] = Long.MIN_VALUE;
            }
        }
    }

    @Override public boolean deliversTicks() { return true; }
    @Override public List<String> symbols() { return instruments; }
    @Override public long periodMillis(int slot) { return period; }
    @Override public int priceScale(int slot) { return -1; }
    @Override public long position() { return events.position(); }
    @Override public boolean next(FeedSink sink) { return events.next(sink); }
    @Override public long peekBarTime() { return events.peekBarTime(); }
    @Override public long nextEventTime() { return events.nextEventTime(); }

    @Override
    public void close() {
        events.close();
        if (stream != null) stream.close();
    }
}
