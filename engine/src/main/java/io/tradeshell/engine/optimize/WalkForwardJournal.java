package io.tradeshell.engine.optimize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.tradeshell.engine.time.IsoTime;
import io.tradeshell.engine.journal.Json;
import io.tradeshell.engine.metrics.EquityCurve;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A walk-forward's files: {@code windows.jsonl} (one line per window as it finishes: its
 * boundaries, chosen params, in-sample and out-of-sample metrics and efficiency), then
 * {@code equity.jsonl} (the stitched out-of-sample curve, each point with its window) and
 * {@code walkforward.json} (settings, stitched metrics, efficiency). Each window's sweep has a
 * folder of its own ({@code window-001/optimize.jsonl} ...), which is what {@code --resume} reuses.
 */
final class WalkForwardJournal implements Closeable {
    static final String WINDOWS = "windows.jsonl";
    static final String EQUITY = "equity.jsonl";
    static final String SUMMARY = "walkforward.json";
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Path dir;
    private final JsonGenerator windows;
    private final IsoTime iso = new IsoTime();

    private WalkForwardJournal(Path dir, JsonGenerator windows) {
        this.dir = dir;
        this.windows = windows;
    }

    /** Refuses a directory that holds an earlier walk unless it is being resumed. */
    static void checkFresh(Path dir, boolean resume) {
        if (resume) return;
        Path first = dir.resolve("window-001").resolve(SweepJournal.ROWS);
        try {
            if (Files.exists(dir.resolve(WINDOWS)) || (Files.exists(first) && Files.size(first) > 0)) {
                throw new IllegalArgumentException(dir + " already holds a walk-forward; add --resume to continue it, or choose another --out");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WalkForwardJournal open(Path dir) {
        try {
            Files.createDirectories(dir);
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(WINDOWS)), 1 << 14);
            JsonGenerator g = FACTORY.createGenerator(out);
            g.setPrettyPrinter(new MinimalPrettyPrinter(""));
            return new WalkForwardJournal(dir, g);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the walk-forward to " + dir + ": " + e.getMessage(), e);
        }
    }

    void append(WindowResult w, Objective objective) {
        try {
            JsonGenerator g = windows;
            g.writeStartObject();
            g.writeNumberField("window", w.window().index() + 1);
            time(g, "trainFrom", w.window().trainFrom());
            time(g, "trainTo", w.window().trainTo());
            time(g, "testFrom", w.window().testFrom());
            time(g, "testTo", w.window().testTo());
            g.writeNumberField("trainBars", w.trainBars());
            g.writeNumberField("testBars", w.testBars());
            g.writeNumberField("combinations", w.combinations());
            g.writeFieldName("params");
            Json.MAPPER.writeValue(g, w.params());
            g.writeStringField("objective", objective.metric());
            Json.number(g, "inSampleObjective", w.inSampleObjective());
            Json.number(g, "outOfSampleObjective", w.outOfSampleObjective());
            Json.number(g, "efficiency", w.efficiency());
            if (w.selection() != null) {
                Json.number(g, "inSamplePsr", w.selection().probabilisticSharpe());
                Json.number(g, "inSampleDsr", w.selection().deflatedSharpe());
            }
            g.writeFieldName("inSample");
            Json.MAPPER.writeValue(g, w.inSample().asMap());
            g.writeFieldName("outOfSample");
            Json.MAPPER.writeValue(g, w.outOfSample().asMap());
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(WINDOWS) + ": " + e.getMessage(), e);
        }
    }

    private void time(JsonGenerator g, String field, long millis) throws IOException {
        g.writeFieldName(field);
        int n = iso.format(millis); // before chars(): a year past 9999 takes a longer buffer
        g.writeString(iso.chars(), 0, n);
    }

    void finish(WalkForwardResult r, int[] windowOfPoint) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(EQUITY)), 1 << 16);
             JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new MinimalPrettyPrinter(""));
            EquityCurve c = r.stitched();
            for (int k = 0; k < c.size(); k++) {
                g.writeStartObject();
                time(g, "time", c.time()[k]);
                Json.number(g, "equity", Math.round(c.equity()[k] * 100) / 100.0);
                Json.number(g, "exposure", Math.round(c.exposure()[k] * 1e6) / 1e6);
                g.writeNumberField("window", windowOfPoint[k] + 1);
                g.writeEndObject();
                g.writeRaw('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(EQUITY) + ": " + e.getMessage(), e);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        WalkForwardRequest q = r.request();
        m.put("name", r.name());
        m.put("script", q.sweep().base().script());
        m.put("train", q.train().toString());
        m.put("test", q.test().toString());
        m.put("anchored", q.anchored());
        m.put("params", q.sweep().space().ranges().stream().map(ParamRange::text).toList());
        m.put("constraint", q.sweep().constraint().text());
        m.put("objective", r.objective().metric());
        m.put("windows", r.windows().size());
        m.put("boundaries", r.boundaries().stream().map(Instant::toString).toList());
        m.put("meanInSampleObjective", Json.orNull(r.meanInSampleObjective()));
        m.put("outOfSampleObjective", Json.orNull(r.objective().value(r.metrics())));
        m.put("efficiency", Json.orNull(r.efficiency()));
        m.put("warnings", r.warnings());
        m.put("metrics", r.metrics().asMap());
        m.put("chosen", r.windows().stream().map(w -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("window", w.window().index() + 1);
            c.put("params", w.params());
            return c;
        }).toList());
        try {
            Json.MAPPER.writeValue(dir.resolve(SUMMARY).toFile(), m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(SUMMARY) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            windows.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
