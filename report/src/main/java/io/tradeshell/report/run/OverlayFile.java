package io.tradeshell.report.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.engine.journal.JsonBytes;
import io.tradeshell.report.chart.Overlay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The indicators a strategy draws over its price ({@code overlays.jsonl}), kept beside a run's
 * files so that a report drawn later shows the same price chart as the run's {@code price.png}:
 * one line per indicator, {@code {"name":"fast SMA","values":[null,...,101.5]}}, one value per
 * bar of the run's first symbol and null while the indicator warms up.
 */
public final class OverlayFile {
    public static final String NAME = "overlays.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OverlayFile() {}

    /** Writes the overlays into {@code dir}; nothing when there are none. */
    public static void write(Path dir, List<Overlay> overlays) throws IOException {
        if (overlays.isEmpty()) return;
        Path file = dir.resolve(NAME), part = dir.resolve(NAME + ".part");
        try (JsonBytes w = new JsonBytes(Files.newOutputStream(part), 1 << 16)) {
            for (Overlay o : overlays) {
                // streamed value by value: a tree of a million-bar overlay and its text took hundreds of MB
                w.ascii("{\"name\":").utf8(JSON.writeValueAsString(o.name())).ascii(",\"values\":[");
                double[] values = o.values();
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) w.ascii(',');
                    w.number(values[i]);
                }
                w.ascii("]}").ascii(System.lineSeparator());
            }
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The overlays kept in {@code dir}, none when the run drew none (or was written before they were kept). */
    public static List<Overlay> read(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        if (!Files.exists(file)) return List.of();
        List<Overlay> out = new ArrayList<>();
        long lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) continue;
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new RunFileException(file, lineNo, "not valid JSON");
            }
            JsonNode values = node.path("values");
            if (!node.path("name").isTextual() || !values.isArray()) throw new RunFileException(file, lineNo, "needs \"name\" and \"values\"");
            double[] v = new double[values.size()];
            for (int i = 0; i < v.length; i++) v[i] = values.get(i).isNumber() ? values.get(i).asDouble() : Double.NaN;
            out.add(new Overlay(node.get("name").asText(), v));
        }
        return out;
    }
}
