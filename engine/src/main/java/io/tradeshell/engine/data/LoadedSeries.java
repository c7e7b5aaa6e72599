package io.tradeshell.engine.data;

import io.tradeshell.engine.model.BarSeries;
import java.nio.file.Path;
import java.util.List;

/**
 * The bars read from one file, with the rows a lenient load skipped, the SHA-256 of the
 * file's bytes (so a run can record exactly which data it saw), what the file held, and notes
 * on what loading changed (an unfinished last bar of aggregated trades left out).
 */
public record LoadedSeries(BarSeries series, List<SkippedRow> skipped, String sha256, Path file, Kind kind, List<String> notes) {

    /** What the file held: bars as they are, or trades that were aggregated into bars. */
    public enum Kind { BARS, TICKS }

    public LoadedSeries {
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    public LoadedSeries(BarSeries series, List<SkippedRow> skipped, String sha256, Path file, Kind kind) {
        this(series, skipped, sha256, file, kind, List.of());
    }
}
