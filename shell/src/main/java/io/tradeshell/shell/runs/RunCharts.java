package io.tradeshell.shell.runs;

import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.TradingLoop;
import java.nio.file.Path;
import java.util.List;

/** Renders a run's charts next to its files. */
public final class RunCharts {
    private RunCharts() { }

    public static List<Path> write(RunResult result, TradingLoop loop, Path dir, String format) {
        return List.of();
    }
}
