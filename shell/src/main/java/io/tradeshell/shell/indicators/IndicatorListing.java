package io.tradeshell.shell.indicators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.engine.indicators.library.IndicatorLibrary;
import io.tradeshell.engine.indicators.library.IndicatorLibrary.Listing;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicator library as text (the {@code indicators} command, the console's {@code help
 * indicators}) and as JSON ({@code indicators --json}), both built from one listing.
 */
public final class IndicatorListing {
    private IndicatorListing() { }

    /** Two groups, one line each: the call with its defaults, the outputs, what it measures. */
    public static String text(List<Listing> listings) {
        StringBuilder sb = new StringBuilder();
        group(sb, "Native words (computed natively, checked against ta4j)", listings.stream().filter(Listing::isNative).toList());
        group(sb, "ta4j indicators, as ta('NAME', values...) (ta4j's own values, in DecimalNum)",
                listings.stream().filter(l -> !l.isNative()).toList());
        return sb.toString();
    }

    private static void group(StringBuilder sb, String title, List<Listing> listings) {
        if (listings.isEmpty()) return;
        if (!sb.isEmpty()) sb.append('\n');
        sb.append(title).append(" - ").append(listings.size()).append('\n');
        for (Listing l : listings) {
            sb.append("  ").append(l.call());
            if (!l.outputs().isEmpty()) sb.append(" -> ").append(String.join(", ", l.outputs()));
            sb.append("\n      ").append(l.description()).append('\n');
        }
    }

    public static String json(List<Listing> listings) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Listing l : listings) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", l.name());
            row.put("call", l.call());
            List<Map<String, Object>> params = new ArrayList<>();
            for (IndicatorLibrary.Param p : l.params()) {
                Map<String, Object> param = new LinkedHashMap<>();
                param.put("name", p.name());
                param.put("type", p.type());
                param.put("default", p.defaultValue().orElse(null));
                params.add(param);
            }
            row.put("params", params);
            row.put("outputs", l.outputs());
            row.put("native", l.isNative());
            row.put("ta4jClass", l.ta4jClass());
            row.put("description", l.description());
            rows.add(row);
        }
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
