package io.tradeshell.shell.cli;

import io.tradeshell.report.chart.ChartFormat;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.app.trading.ProjectHome;
import io.tradeshell.shell.app.trading.RunComparison;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tradeshell compare RUN_A RUN_B}: two runs' metrics side by side, and their equity on one chart. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Show two runs' metrics side by side with their difference (B - A) and draw both equity curves on one chart."
                + " A run is any folder with summary.json: a backtest, a live run, a paper account.",
        footer = {"", "Examples:",
                "  tradeshell compare runs/sma-backtest runs/sma-live",
                "  tradeshell compare runs/sma ~/.tradeshell/paper/demo --out /tmp/sma-vs-paper"})
public final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_A") Path runA;
    @Parameters(index = "1", paramLabel = "RUN_B") Path runB;

    @Option(names = "--out", paramLabel = "FILE", description = "The chart's file, without extension (default runs/compare-A-vs-B).")
    Path out;

    @Option(names = "--chart-format", defaultValue = "png", description = "png (default) or svg.")
    String chartFormat = "png";

    @Option(names = "--no-chart", description = "Only the table.")
    boolean noChart;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunComparison c = RunComparison.read(runA, runB);
        out.print(c.table());
        if (!noChart) {
            ChartFormat format = switch (chartFormat.toLowerCase(Locale.ROOT)) {
                case "png" -> ChartFormat.PNG;
                case "svg" -> ChartFormat.SVG;
                default -> throw new IllegalArgumentException("unknown chart format '" + chartFormat + "' (use png or svg)");
            };
            Path file = this.out != null ? this.out : Path.of("runs", "compare-" + name(runA) + "-vs-" + name(runB));
            out.println("  chart    " + ProjectHome.display(c.chart(file, format)));
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String name(Path run) {
        Path n = run.toAbsolutePath().normalize().getFileName();
        return n == null ? "run" : n.toString();
    }
}
