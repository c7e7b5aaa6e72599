package io.tradeshell.shell.console.chart;

import io.tradeshell.shell.console.runs.SessionRun;
import java.nio.file.Path;

/** Stands in until the report module draws charts. */
public final class PendingCharts implements ChartRenderer {
    @Override
    public void writePng(SessionRun run, ChartKind kind, Path file) {
        throw new IllegalStateException("charts are not available in this build");
    }

    @Override
    public String text(SessionRun run, ChartKind kind, int width, int height) {
        return "";
    }
}
