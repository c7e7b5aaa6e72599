package io.tradeshell.shell.console.chart;

import io.tradeshell.shell.console.runs.SessionRun;
import java.io.IOException;
import java.nio.file.Path;

/** Draws a run's charts: as an image file, and as text for terminals that show no images. */
public interface ChartRenderer {
    /** Writes the chart as a PNG to {@code file}. */
    void writePng(SessionRun run, ChartKind kind, Path file) throws IOException;

    /** The chart as text, {@code width} columns by {@code height} rows. */
    String text(SessionRun run, ChartKind kind, int width, int height);
}
