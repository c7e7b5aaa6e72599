package io.tradeshell.shell.console.chart;

import io.tradeshell.shell.console.runs.SessionRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** One of a run's charts (price, equity, drawdown), drawn by the session's chart renderer. */
public record RunFigure(SessionRun run, ChartKind kind, ChartRenderer renderer) implements Figure {
    @Override
    public String name() {
        return "run" + run.id() + "-" + kind.key();
    }

    @Override
    public String caption() {
        return kind.key() + " chart of " + run.label();
    }

    @Override
    public void writePng(Path file) throws IOException {
        renderer.writePng(run, kind, file);
    }

    @Override
    public Optional<String> text(int width, int height) {
        return Optional.of(renderer.text(run, kind, width, height));
    }

    @Override
    public boolean lasting() {
        return true;
    }

    /** A run with output files keeps its charts in its folder, overlays and all. */
    @Override
    public Optional<Path> home() {
        return run.dir().map(d -> d.resolve(kind.key() + ".png"));
    }
}
