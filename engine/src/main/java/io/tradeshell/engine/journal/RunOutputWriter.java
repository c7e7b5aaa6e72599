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
import java.nio.file.StandardCopyOption;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's JSONL files as the run goes: {@code orders.jsonl}, {@code fills.jsonl},
 * {@code trades.jsonl}, {@code equity.jsonl} and {@code events.jsonl} (risk decisions, trading
 * state changes and notes: the events the other files do not hold), then
 * {@code tca.jsonl} (the cost of every order, see {@link io.tradeshell.engine.tca.CostBook}) and
 * {@code summary.json} at the end. With {@code flushEachLine} (live and paper modes) every line
 * is flushed at once so another process can tail the files.
 *
 * <p>A backtest (without {@code flushEachLine}) writes each file under a hidden {@code .NAME.part}
 * name and moves them into place only when all are complete, {@code summary.json} last: a run
 * that fails to write (a full disk) leaves none of its files behind, and its error names the file
 * it could not write. Live and paper files are written in place, so they can be tailed.
 */
public final class RunOutputWriter implements RunRecorder {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private static final com.fasterxml.jackson.databind.ObjectWriter LINE =
            Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    private static final List<String> STREAMED = List.of("orders.jsonl", "fills.jsonl", "trades.jsonl", "equity.jsonl", "events.jsonl");

    private final Path dir;
    private final boolean flushEachLine;
    private final OutputFiles files;
    private final Map<JsonGenerator, String> names = new IdentityHashMap<>();
    private final JsonGenerator orders, fills, trades, events;
    /** A line per bar: bytes written straight, the columns that repeat formatted once per change. */
    private final JsonBytes equity;
    private final JsonBytes.Last equityLast = new JsonBytes.Last(), cashLast = new JsonBytes.Last(),
            exposureLast = new JsonBytes.Last(), benchmarkLast = new JsonBytes.Last();
    private final EventJson json = new EventJson();
    private final IsoTime iso = new IsoTime();

    public RunOutputWriter(Path dir, boolean flushEachLine) {
        this(dir, flushEachLine, OutputFiles.DISK);
    }

    public RunOutputWriter(Path dir, boolean flushEachLine, OutputFiles files) {
        this.dir = dir;
        this.flushEachLine = flushEachLine;
        this.files = files;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run outputs to " + dir + ": " + e.getMessage(), e);
        }
        orders = open("orders.jsonl");
        fills = open("fills.jsonl");
        trades = open("trades.jsonl");
        equity = openBytes("equity.jsonl");
        events = open("events.jsonl");
    }

    private JsonGenerator open(String name) {
        try {
            OutputStream out = new BufferedOutputStream(files.create(writing(name)), 1 << 16);
            JsonGenerator g = FACTORY.createGenerator(out);
            g.setPrettyPrinter(new MinimalPrettyPrinter(""));
            names.put(g, name);
            return g;
        } catch (IOException e) {
            throw failed(name, e);
        }
    }

    private JsonBytes openBytes(String name) {
        try {
            return new JsonBytes(files.create(writing(name)), 1 << 16);
        } catch (IOException e) {
            throw failed(name, e);
        }
    }

    /** The path a file is written to until it is complete: itself for live runs, a hidden part file for a backtest. */
    private Path writing(String name) {
        return flushEachLine ? dir.resolve(name) : dir.resolve("." + name + ".part");
    }

    /**
     * The error for a file that could not be written. A backtest's part files are removed
     * first, so what the error says is all there is: no half-written outputs.
     */
    private UncheckedIOException failed(String name, IOException e) {
        abandon();
        String left = flushEachLine ? "; the files in " + dir + " stop at that point" : "; no output files were kept";
        return new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + e.getMessage() + left, e);
    }

    /** Closes every file and, for a backtest, removes its part files: the run failed and none of them is whole. */
    public void abandon() {
        for (JsonGenerator g : List.copyOf(names.keySet())) {
            try {
                g.close();
            } catch (IOException ignored) {
                // the disk is failing; nothing more to save
            }
        }
        if (equity != null) {
            try {
                equity.close();
            } catch (IOException ignored) {
                // as above
            }
        }
        if (flushEachLine) return;
        for (String name : concat(STREAMED, "tca.jsonl", "summary.json")) {
            try {
                Files.deleteIfExists(writing(name));
            } catch (IOException ignored) {
                // best effort: a hidden part file left behind is harmless
            }
        }
    }

    private static List<String> concat(List<String> a, String... more) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }

    public Path dir() { return dir; }

    @Override
    public void on(TradingEvent e) {
        try {
            if (e instanceof OrderEvent oe) {
                String reason = oe instanceof OrderRejected r ? r.reason() : oe instanceof OrderCancelled c ? c.reason()
                        : oe instanceof TradingEvent.OrderReduced d ? d.reason() : null;
                current = orders;
                json.order(orders, e.time(), oe.order(), reason);
                line(orders);
                if (oe instanceof OrderFilled f) {
                    current = fills;
                    json.fill(fills, f.fill());
                    line(fills);
                }
            } else if (e instanceof TradeClosed t) {
                current = trades;
                json.trade(trades, t.trade());
                line(trades);
            } else {
                current = events;
                json.event(events, e); // risk decisions, state changes, notes: what the other files do not hold
                line(events);
            }
        } catch (IOException ex) {
            throw failed(names.getOrDefault(current, "events.jsonl"), ex);
        }
    }

    @Override
    public void onEquity(long time, double e, double cash, double exposure, double benchmark) {
        try {
            int n = iso.format(time); // before chars(): a year past 9999 takes a longer buffer
            // Exactly the doubles the metrics are computed from (shortest form that reads back the
            // same), so anyone can recompute the summary's figures from this file.
            equity.ascii("{\"time\":\"").ascii(iso.chars(), n)
                    .ascii("\",\"equity\":").number(e, equityLast)
                    .ascii(",\"cash\":").number(cash, cashLast)
                    .ascii(",\"exposure\":").number(exposure, exposureLast)
                    .ascii(",\"benchmark\":").number(benchmark, benchmarkLast)
                    .ascii("}\n");
            if (flushEachLine) equity.flush();
        } catch (IOException ex) {
            throw failed("equity.jsonl", ex);
        }
    }

    /** The file being written when an error strikes, so the error can name it. */
    private JsonGenerator current;

    private void line(JsonGenerator g) throws IOException {
        current = g;
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
        String name = "";
        try {
            for (JsonGenerator g : new JsonGenerator[] {orders, fills, trades, events}) {
                name = names.get(g);
                g.close();
            }
            name = "equity.jsonl";
            equity.close();
            name = "tca.jsonl";
            writeCosts(result);
            for (var model : result.models()) {
                name = model.folder();
                io.tradeshell.engine.learning.ModelFolder.write(dir, model);
            }
            name = "summary.json";
            try (OutputStream out = files.create(writing(name))) {
                Json.MAPPER.writeValue(out, RunSummary.toMap(result));
            }
            if (flushEachLine) return;
            // summary.json last: once it is there, every other file is whole
            for (String done : concat(STREAMED, "tca.jsonl", "summary.json")) {
                name = done;
                Files.move(writing(done), dir.resolve(done), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException ex) {
            throw failed(name, ex);
        }
    }
}
