package io.tradeshell.report.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.engine.model.Side;
import io.tradeshell.engine.trade.PositionSide;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the output files of a run (summary.json, equity.jsonl, trades.jsonl, fills.jsonl).
 * summary.json must exist; a missing JSONL file reads as empty, so a run stopped early still
 * gives a report.
 */
public final class RunDirectory {
    public static final String SUMMARY = "summary.json";
    public static final String EQUITY = "equity.jsonl";
    public static final String TRADES = "trades.jsonl";
    public static final String FILLS = "fills.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunDirectory() {}

    public static RunReport read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new NoSuchFileException(dir.toString(), null, "not a run directory");
        JsonNode summary = summary(dir.resolve(SUMMARY));
        Path equityFile = dir.resolve(EQUITY);
        EquityColumns equity = Files.exists(equityFile) ? EquityFile.read(equityFile, JSON.getFactory())
                : new EquityColumns(new long[0], new double[0], new double[0], new double[0], new double[0]);
        List<RecordedTrade> trades = lines(dir.resolve(TRADES), RunDirectory::trade);
        List<RecordedFill> fills = lines(dir.resolve(FILLS), RunDirectory::fill);
        return new RunReport(dir, summary, equity, trades, fills);
    }

    private static JsonNode summary(Path file) throws IOException {
        if (!Files.exists(file)) throw new NoSuchFileException(file.toString(), null, "a run directory needs " + SUMMARY);
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) throw new RunFileException(file, 0, "expected a JSON object");
            return node;
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RunFileException(file, line, "not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private interface LineReader<T> {
        T read(LineFields fields) throws RunFileException;
    }

    private static <T> List<T> lines(Path file, LineReader<T> reader) throws IOException {
        List<T> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new RunFileException(file, lineNo, "not valid JSON: " + e.getOriginalMessage(), e);
                }
                if (node == null || !node.isObject()) throw new RunFileException(file, lineNo, "expected a JSON object");
                out.add(reader.read(new LineFields(node, file, lineNo)));
            }
        }
        return out;
    }

    private static RecordedTrade trade(LineFields f) throws RunFileException {
        return new RecordedTrade(f.text("symbol"), f.choice("side", PositionSide.class), f.number("qty"),
                f.instant("entryTime"), f.number("entryPrice"), f.instant("exitTime"), f.number("exitPrice"),
                f.number("pnl"), f.number("commission"), (int) f.whole("barsHeld"), f.number("returnPct"),
                f.optionalText("exitReason", ""));
    }

    private static RecordedFill fill(LineFields f) throws RunFileException {
        return new RecordedFill(f.whole("orderId"), f.text("symbol"), f.choice("side", Side.class), f.number("qty"),
                f.number("price"), f.number("commission"), f.instant("time"));
    }
}
