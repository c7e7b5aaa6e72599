package io.tradeshell.engine.data;

import java.nio.file.Path;
import java.util.List;

/** The trades read from one file, with the rows a lenient load skipped and the SHA-256 of the file. */
public record LoadedTicks(TickSeries ticks, List<SkippedRow> skipped, String sha256, Path file) {

    public LoadedTicks {
        skipped = List.copyOf(skipped);
    }
}
