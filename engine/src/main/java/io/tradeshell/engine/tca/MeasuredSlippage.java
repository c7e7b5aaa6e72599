package io.tradeshell.engine.tca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.engine.execution.Slippage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Slippage measured by another run or session, for a backtest to assume: the median over its
 * orders that filled of the slippage against the market when trading started
 * ({@code startSlippageBps} in its {@code tca.jsonl}), which is what a backtest's slippage
 * stands for. A median below zero (price improvement) is taken as 0, since a backtest's
 * slippage only ever goes against the order.
 */
public final class MeasuredSlippage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MeasuredSlippage() { }

    /**
     * Reads {@code source}: a {@code tca.jsonl} file or the folder of a run or paper account that has one.
     *
     * @throws IllegalArgumentException naming the file (and line) when there is no such file, a line is not
     *                                  JSON, or no order filled
     */
    public static Slippage from(Path source) {
        Path file = Files.isDirectory(source) ? source.resolve("tca.jsonl") : source;
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file; --slippage-from takes a run's folder, a paper account's folder or name, or a tca.jsonl");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Double> measured = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            JsonNode n;
            try {
                n = JSON.readTree(lines.get(i));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a line of tca.jsonl (" + e.getOriginalMessage() + ")");
            }
            JsonNode bps = n.path("startSlippageBps");
            if (n.path("filledQty").asDouble() > 0 && bps.isNumber()) measured.add(bps.asDouble());
        }
        if (measured.isEmpty()) throw new IllegalArgumentException(file + ": no order filled there, so it measured no slippage");
        double median = CostSummary.median(measured.stream().mapToDouble(Double::doubleValue).toArray());
        double bps = Math.max(0, median);
        return new Slippage(bps, "the median of the slippage measured on %d filled orders in %s (%s bps%s), against every market and stop fill"
                .formatted(measured.size(), file, CostSummary.bps(median), median < 0 ? ", an improvement taken as 0" : ""));
    }
}
