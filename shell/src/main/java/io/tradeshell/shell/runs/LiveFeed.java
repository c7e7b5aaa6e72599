package io.tradeshell.shell.runs;

import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.paper.SessionConfig;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.Feed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Live prices from a broker's market data, for a paper session instead of data files: the
 * feed, where it comes from and its bar period. A session on it starts with no history (a
 * strategy's warm-up fills from the live bars), and its account records the source, not files.
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

    /** Whether an account's data is a live feed (which cannot be played again for a resume). */
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
