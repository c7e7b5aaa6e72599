package io.tradeshell.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.data.MarketData;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.report.html.HtmlReport;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.app.trading.ProjectHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tradeshell report RUN_DIR}: a self-contained HTML report of a run. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write an HTML report of a run: settings, metrics, price with trades, equity against buy-and-hold, drawdown, monthly returns, trade returns, the trade list.",
        footer = {"", "Example:", "  tradeshell report runs/sma --out /tmp/sma-report"})
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run's output directory (it holds summary.json).")
    Path runDir;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write report.html (default: the run's own folder).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(runDir.resolve("summary.json"))) {
            throw new IllegalArgumentException(runDir + ": not a run directory (no summary.json)");
        }
        Path target = out != null ? out : runDir;
        Files.createDirectories(target);
        List<BarSeries> universe = universeData(runDir);
        Path html = universe.size() > 1 ? HtmlReport.write(runDir, target, universe) : HtmlReport.write(runDir, target, priceData(runDir));
        spec.commandLine().getOut().println("wrote " + ProjectHome.display(html));
        return ExitCode.OK;
    }

    /** Every symbol's bars, reloaded as {@link #priceData} does; empty unless all of them are still there and unchanged. */
    static List<BarSeries> universeData(Path runDir) {
        try {
            JsonNode data = io.tradeshell.engine.journal.Json.MAPPER.readTree(runDir.resolve("summary.json").toFile()).path("data");
            List<BarSeries> out = new java.util.ArrayList<>();
            for (JsonNode d : data) {
                Optional<BarSeries> bars = load(d);
                if (bars.isEmpty()) return List.of();
                out.add(bars.get());
            }
            return out;
        } catch (Exception e) {
            return List.of();
        }
    }

    /** The first symbol's bars, reloaded from the file the summary names, when it is still there and unchanged. */
    static Optional<BarSeries> priceData(Path runDir) {
        try {
            return load(io.tradeshell.engine.journal.Json.MAPPER.readTree(runDir.resolve("summary.json").toFile()).path("data").path(0));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Optional<BarSeries> load(JsonNode data) {
        try {
            Path file = ProjectHome.resolve(data.path("file").asText(""));
            if (!Files.isRegularFile(file)) return Optional.empty();
            var loaded = MarketData.load(file, new LoadOptions(true, periodOf(data), Optional.of(data.path("symbol").asText())));
            if (!loaded.sha256().equals(data.path("sha256").asText())) return Optional.empty();
            return Optional.of(loaded.series());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Optional<java.time.Duration> periodOf(JsonNode data) {
        try {
            return Optional.of(io.tradeshell.engine.data.BarPeriods.parse(data.path("period").asText()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
