package io.tradeshell.engine.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.tradeshell.engine.events.TradingEvent;
import io.tradeshell.engine.events.TradingEvent.OrderCancelled;
import io.tradeshell.engine.events.TradingEvent.OrderEvent;
import io.tradeshell.engine.events.TradingEvent.OrderFilled;
import io.tradeshell.engine.events.TradingEvent.OrderRejected;
import io.tradeshell.engine.events.TradingEvent.TradeClosed;
import io.tradeshell.engine.run.RunRecorder;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.time.IsoTime;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's JSONL files as the run goes: {@code orders.jsonl}, {@code fills.jsonl},
 * {@code trades.jsonl}, {@code equity.jsonl} and {@code events.jsonl} (risk decisions, trading
 * state changes and notes: the events the other files do not hold), then
 * {@code tca.jsonl} (the cost of every order, see {@link io.tradeshell.engine.tca.CostBook}) and
 * {@code summary.json} at the end. With {@code flushEachLine} (live and paper modes) every line
 * is flushed at once so another process can tail the files.
 */
public final class RunOutputWriter implements RunRecorder {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private static final com.fasterxml.jackson.databind.ObjectWriter LINE =
            Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final boolean flushEachLine;
    private final JsonGenerator orders, fills, trades, equity, events;
    private final EventJson json = new EventJson();
    private final IsoTime iso = new IsoTime();

    public RunOutputWriter(Path dir, boolean flushEachLine) {
        this.dir = dir;
        this.flushEachLine = flushEachLine;
        try {
            Files.createDirectories(dir);
            orders = open("orders.jsonl");
            fills = open("fills.jsonl");
            trades = open("trades.jsonl");
            equity = open("equity.jsonl");
            events = open("events.jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run outputs to " + dir + ": " + e.getMessage(), e);
        }
    }

    private JsonGenerator open(String name) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(name)), 1 << 16);
        JsonGenerator g = FACTORY.createGenerator(out);
        g.setPrettyPrinter(new MinimalPrettyPrinter(""));
        return g;
    }

    public Path dir() { return dir; }

    @Override
    public void on(TradingEvent e) {
        try {
            if (e instanceof OrderEvent oe) {
                String reason = oe instanceof OrderRejected r ? r.reason() : oe instanceof OrderCancelled c ? c.reason()
                        : oe instanceof TradingEvent.OrderReduced d ? d.reason() : null;
                json.order(orders, e.time(), oe.order(), reason);
                line(orders);
                if (oe instanceof OrderFilled f) {
                    json.fill(fills, f.fill());
                    line(fills);
                }
            } else if (e instanceof TradeClosed t) {
                json.trade(trades, t.trade());
                line(trades);
            } else {
                json.event(events, e); // risk decisions, state changes, notes: what the other files do not hold
                line(events);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void onEquity(long time, double e, double cash, double exposure, double benchmark) {
        try {
            JsonGenerator g = equity;
            g.writeStartObject();
            g.writeFieldName("time");
            g.writeString(iso.chars(), 0, iso.format(time));
            // Exactly the doubles the metrics are computed from (shortest form that reads back the
            // same), so anyone can recompute the summary's figures from this file.
            Json.number(g, "equity", e);
            Json.number(g, "cash", cash);
            Json.number(g, "exposure", exposure);
            Json.number(g, "benchmark", benchmark);
            g.writeEndObject();
            line(g);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void line(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
        if (flushEachLine) g.flush();
    }

    /** {@code tca.jsonl}: one line per parent order and per plain market order that filled. */
    private void writeCosts(RunResult result) throws IOException {
        try (JsonGenerator g = open("tca.jsonl")) {
            for (var c : result.costs()) {
                LINE.writeValue(g, c.asMap());
                g.writeRaw('\n');
            }
        }
    }

    @Override
    public void finish(RunResult result) {
        try {
            for (JsonGenerator g : new JsonGenerator[] {orders, fills, trades, equity, events}) {
                g.close();
            }
            writeCosts(result);
            RunSummary.write(result, dir.resolve("summary.json"));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot finish run outputs in " + dir + ": " + ex.getMessage(), ex);
        }
    }
}
