package io.tradeshell.report.chart;

import java.util.HashSet;
import java.util.Set;

/** Hands out series names that are unique within one chart, which XChart requires. */
final class SeriesNames {
    private final Set<String> used = new HashSet<>();

    /** Marks names the chart uses itself (candles, markers) as taken. */
    SeriesNames(String... reserved) {
        used.addAll(Set.of(reserved));
    }

    /** {@code name}, or "name (2)", "name (3)"... if it is taken. */
    String unique(String name) {
        String candidate = name;
        for (int k = 2; !used.add(candidate); k++) candidate = name + " (" + k + ")";
        return candidate;
    }
}
