package io.tradeshell.engine.optimize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.journal.Json;
import io.tradeshell.engine.metrics.ReturnMoments;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep's files: {@code sweep.json} (what is being swept, so a resumed sweep is the same
 * sweep), {@code optimize.jsonl} (one line per finished combination, in grid order, flushed as
 * soon as the ones before it are written, so a crash loses at most the few combinations in
 * flight, about four per thread) and {@code best.json}
 * (the ranking and the overfitting check, written at the end). None holds a time or a thread
 * count, so the same sweep writes the same bytes however it was run.
 */
public final class SweepJournal implements Closeable {
    public static final String ROWS = "optimize.jsonl";
    public static final String DEFINITION = "sweep.json";
    public static final String BEST = "best.json";
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Path dir;
    private final List<Kept> done;
    private final JsonGenerator out;

    private SweepJournal(Path dir, List<Kept> done, JsonGenerator out) {
        this.dir = dir;
        this.done = done;
        this.out = out;
    }

    /**
     * Opens {@code dir} for a sweep described by {@code definition}. With {@code resume}, rows of
     * an earlier run of the same sweep are read back (a line cut short by a crash is dropped);
     * without it, a directory that already holds rows is refused rather than overwritten.
     */
    public static SweepJournal open(Path dir, Map<String, Object> definition, boolean resume) {
        Path rows = dir.resolve(ROWS), def = dir.resolve(DEFINITION);
        try {
            Files.createDirectories(dir);
            boolean hasRows = Files.exists(rows) && Files.size(rows) > 0;
            List<Kept> done = List.of();
            if (hasRows && !resume) {
                throw new IllegalArgumentException(dir + " already holds a sweep (" + ROWS + "); add --resume to continue it, or choose another --out");
            }
            if (hasRows) {
                checkSameSweep(dir, def, definition);
                done = readAndTrim(rows);
            } else {
                Json.MAPPER.writeValue(def.toFile(), definition);
                Files.deleteIfExists(rows);
            }
            // A plain file stream, not a channel: an interrupted sweep must still be able to write what it finished.
            OutputStream stream = new BufferedOutputStream(new FileOutputStream(rows.toFile(), true), 1 << 14);
            JsonGenerator g = FACTORY.createGenerator(stream);
            g.setPrettyPrinter(new MinimalPrettyPrinter(""));
            return new SweepJournal(dir, done, g);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sweep to " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() { return dir; }

    /** Rows read back from an earlier run, in file order. */
    public List<SweepRow> done() { return done.stream().map(Kept::row).toList(); }

    /**
     * Checks that every row read back is a combination of {@code plan} with that combination's
     * values: a row whose id or params were edited would otherwise stand in for another
     * combination's result.
     */
    void checkRowsBelongTo(CombinationPlan plan) {
        if (done.isEmpty()) return;
        Map<Long, Kept> byId = new HashMap<>();
        for (Kept k : done) byId.putIfAbsent(k.row().id(), k);
        Set<Long> planned = new HashSet<>();
        for (int k = 0; k < plan.size() && planned.size() < byId.size(); k++) {
            Kept kept = byId.get(plan.id(k));
            if (kept == null) continue;
            planned.add(kept.row().id());
            plan.space().paramsAt(plan.id(k)).forEach((name, value) -> {
                Object saved = kept.row().params().get(name);
                if (!sameValue(value, saved)) {
                    throw badRow(dir.resolve(ROWS), kept.line(), "combination " + kept.row().id() + " has " + name + "=" + value
                            + " in this sweep, the line says " + saved);
                }
            });
        }
        for (Kept k : done) {
            if (!planned.contains(k.row().id())) {
                throw badRow(dir.resolve(ROWS), k.line(), "combination " + k.row().id() + " is not one this sweep plans");
            }
        }
    }

    private static boolean sameValue(Object planned, Object saved) {
        if (planned instanceof Number a && saved instanceof Number b) return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
        return String.valueOf(planned).equals(String.valueOf(saved));
    }

    /** Writes one finished combination and flushes it to the file. */
    public void append(SweepRow row) {
        try {
            writeRow(out, row);
            out.writeRaw('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(ROWS) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- rows ----------------------------------------------------------------------------

    static void writeRow(JsonGenerator g, SweepRow r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", r.id());
        g.writeObjectFieldStart("params");
        for (var e : r.params().entrySet()) {
            g.writeFieldName(e.getKey());
            value(g, e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("metrics");
        for (var e : r.metrics().asMap().entrySet()) {
            g.writeFieldName(e.getKey());
            value(g, e.getValue());
        }
        g.writeEndObject();
        ReturnMoments m = r.returns();
        g.writeObjectFieldStart("returns");
        g.writeNumberField("count", m.count());
        Json.number(g, "mean", m.mean());
        Json.number(g, "stdev", m.stdev());
        Json.number(g, "skewness", m.skewness());
        Json.number(g, "kurtosis", m.kurtosis());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case Integer i -> g.writeNumber(i);
            case Long l -> g.writeNumber(l);
            case BigDecimal b -> g.writeNumber(b);
            case Double d -> {
                if (Double.isFinite(d)) g.writeNumber(d);
                else g.writeNull();
            }
            case Float f -> g.writeNumber(f);
            case Number n -> g.writeNumber(n.doubleValue());
            case Boolean b -> g.writeBoolean(b);
            default -> g.writeString(String.valueOf(v));
        }
    }

    /**
     * Reads every complete row of an {@code optimize.jsonl}; a last line cut short is skipped.
     * Any other line that is not a whole row (garbage, a metric that is not a number, a missing
     * field) fails as {@code optimize.jsonl:LINE: ...} and the file is left as it is, so the
     * user decides what to do with the rows it holds.
     */
    public static List<SweepRow> read(Path file) {
        return readNumbered(file).stream().map(Kept::row).toList();
    }

    /** A row read back with the line it came from, for errors found later (a row of another sweep). */
    record Kept(int line, SweepRow row) { }

    static List<Kept> readNumbered(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Kept> out = new ArrayList<>();
        int start = 0, line = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) break; // cut short by a crash
            line++;
            String body = text.substring(start, end).trim();
            if (!body.isEmpty()) out.add(new Kept(line, parseLine(body, file, line)));
            start = end + 1;
        }
        return out;
    }

    private static SweepRow parseLine(String body, Path file, int line) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw badRow(file, line, "not JSON");
        }
        try {
            return RowReader.row(n);
        } catch (IllegalArgumentException e) {
            throw badRow(file, line, e.getMessage());
        }
    }

    static IllegalArgumentException badRow(Path file, int line, String why) {
        return new IllegalArgumentException(file + ":" + line + ": not a sweep row (" + why
                + "); the file is unchanged: delete that line and rerun with --resume to run its combination again");
    }

    private static List<Kept> readAndTrim(Path rows) throws IOException {
        byte[] bytes = Files.readAllBytes(rows);
        int lastNewline = -1;
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                lastNewline = i;
                break;
            }
        }
        if (lastNewline + 1 < bytes.length) {
            try (FileChannel ch = FileChannel.open(rows, StandardOpenOption.WRITE)) {
                ch.truncate(lastNewline + 1);
            }
        }
        return readNumbered(rows);
    }

    private static void checkSameSweep(Path dir, Path def, Map<String, Object> definition) throws IOException {
        if (!Files.exists(def)) {
            throw new IllegalArgumentException(dir + " has rows but no " + DEFINITION + "; cannot tell whether it is the same sweep");
        }
        JsonNode before = Json.MAPPER.readTree(def.toFile());
        JsonNode now = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(definition)); // as the file would read
        if (before.equals(now)) return;
        List<String> differ = new ArrayList<>();
        for (Iterator<String> it = now.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!now.get(k).equals(before.get(k))) differ.add(k);
        }
        throw new IllegalArgumentException(dir + " holds a different sweep (" + String.join(", ", differ)
                + " changed); --resume continues only the same sweep: choose another --out");
    }

    // ---- the summary ----------------------------------------------------------------------

    /** Writes {@code best.json}: the objective, the overfitting check and the {@code top} best rows. */
    public static void writeBest(Path dir, SweepResult result, int top) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", result.name());
        Map<String, Object> objective = new LinkedHashMap<>(); // Map.of would order its keys differently in each JVM
        objective.put("metric", result.objective().metric());
        objective.put("higherIsBetter", result.objective().higherIsBetter());
        m.put("objective", objective);
        m.put("combinations", result.rows().size());
        m.put("planned", result.planned());
        m.put("stoppedEarly", result.stoppedEarly());
        result.best().ifPresent(b -> m.put("best", rowMap(b, result.objective(), 1)));
        result.selection().ifPresent(s -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("trials", s.trials());
            c.put("trialsCounted", "all: N and the variance of the Sharpe ratios are over every combination tried; one that never traded counts with a Sharpe ratio of 0");
            c.put("sharpePerBar", Json.orNull(s.sharpePerBar()));
            c.put("returns", s.returns());
            c.put("skewness", Json.orNull(s.skewness()));
            c.put("kurtosis", Json.orNull(s.kurtosis()));
            c.put("varianceOfTrialSharpes", Json.orNull(s.varianceOfTrialSharpes()));
            c.put("expectedMaxSharpe", Json.orNull(s.expectedMaxSharpe()));
            c.put("probabilisticSharpe", Json.orNull(s.probabilisticSharpe()));
            c.put("deflatedSharpe", Json.orNull(s.deflatedSharpe()));
            c.put("trades", s.trades());
            c.put("minTrades", s.minTrades());
            m.put("selection", c);
            m.put("warnings", s.warnings());
        });
        List<Map<String, Object>> ranked = new ArrayList<>();
        int rank = 1;
        for (SweepRow r : result.top(top)) ranked.add(rowMap(r, result.objective(), rank++));
        m.put("top", ranked);
        try {
            Files.createDirectories(dir);
            Json.MAPPER.writeValue(dir.resolve(BEST).toFile(), m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(BEST) + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> rowMap(SweepRow r, Objective o, int rank) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", rank);
        m.put("id", r.id());
        m.put("params", r.params());
        m.put("objective", Json.orNull(r.objective(o)));
        m.put("metrics", r.metrics().asMap());
        return m;
    }

    /** Writes a whole result (the console's save): definition-free rows and the summary. */
    public static void save(SweepResult result, Path dir, int top) {
        try {
            Files.createDirectories(dir);
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(dir.resolve(ROWS)));
                 JsonGenerator g = FACTORY.createGenerator(stream)) {
                g.setPrettyPrinter(new MinimalPrettyPrinter(""));
                for (SweepRow r : result.rows()) {
                    writeRow(g, r);
                    g.writeRaw('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(ROWS) + ": " + e.getMessage(), e);
        }
        writeBest(dir, result, top);
    }
}
