package io.tradeshell.shell.app.trading;

import io.tradeshell.brokers.HistorySource;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.paper.SessionConfig;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.Feed;
import io.tradeshell.engine.run.WarmedUpFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Live prices from a broker's market data, for a paper session instead of data files: the
 * feed, where it comes from and its bar period, and (see {@link #warmedUp}) the recent history
 * its strategies see first. Its account records the source, not files.
 *
 * @param source     the broker whose data it is ({@code alpaca}, {@code oanda})
 * @param connection what to close when the session is over (the stream)
 */
public record LiveFeed(String source, Feed feed, Duration bar, AutoCloseable connection) implements AutoCloseable {
    /** What an account fed live records in place of a file's SHA-256. */
    public static final String LIVE = "live";

    public List<String> symbols() {
        return feed.symbols();
    }

    /**
     * The same feed with each symbol's last {@code count} bars that closed by {@code start}
     * from {@code history}: the strategies see them before the first live bar, so their
     * indicators are warm at once, and trade on none of them.
     *
     * @param said hears one line per symbol: how many bars, up to when
     */
    public LiveFeed warmedUp(HistorySource history, int count, Instant start, java.util.function.Consumer<String> said) {
        if (count <= 0) return this;
        // enough calendar for count bars across nights and weekends
        Instant from = start.minus(bar.multipliedBy(3L * count)).minus(Duration.ofDays(4));
        List<BarSeries> before = new ArrayList<>();
        for (String symbol : symbols()) {
            BarSeries known = WarmedUpFeed.before(history.bars(symbol, from, start, bar), start.toEpochMilli(), count);
            said.accept("warm-up: " + known.size() + " bars of " + symbol + " from " + source
                    + (known.isEmpty() ? "" : ", the last opening " + Instant.ofEpochMilli(known.openTime(known.lastIndex()))) + ", before " + start);
            before.add(known);
        }
        return new LiveFeed(source, new WarmedUpFeed(feed, before), bar, connection);
    }

    /** The line printed when a session or run starts on it. */
    public String describe() {
        return "prices come live from " + source + " for " + String.join(", ", symbols()) + " in bars of " + io.tradeshell.engine.data.BarPeriods.format(bar);
    }

    /** One empty series per symbol: the run's data, which the live bars fill. */
    public List<DataInput> inputs() {
        List<DataInput> out = new ArrayList<>();
        for (int k = 0; k < symbols().size(); k++) {
            out.add(new DataInput(new BarSeries(symbols().get(k), bar, feed.priceScale(k), 1024), source + ":" + LIVE, LIVE));
        }
        return out;
    }

    public List<SessionConfig.DataRef> refs() {
        return symbols().stream().map(s -> new SessionConfig.DataRef(s, source + ":" + LIVE, LIVE)).toList();
    }

    /** The feed an account on live prices was started with ({@code alpaca}, {@code oanda}), from its data references. */
    public static String source(SessionConfig config) {
        String file = config.data().getFirst().file();
        return file.substring(0, file.length() - (":" + LIVE).length());
    }

    /** Whether an account's data is a live feed (replayed from the account's own recording on a resume). */
    public static boolean isLive(SessionConfig config) {
        return config.data().stream().anyMatch(d -> LIVE.equals(d.sha256()));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception e) {
            // the stream is going away with the session either way
        }
    }
}
