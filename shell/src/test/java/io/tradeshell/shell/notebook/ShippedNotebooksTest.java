package io.tradeshell.shell.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.app.ExitCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The notebooks in notebooks/ run on the bundled data, every cell, quickly, with their charts. */
class ShippedNotebooksTest {
    static final Path ROOT = NotebookRunTest.ROOT;
    static final Path TICKS = ROOT.resolve("data/btcusd_bitstamp_trades_2013-11-25.csv");
    @TempDir Path dir;

    @BeforeAll
    static void repository() {
        System.setProperty("tradeshell.home", ROOT.toString());
    }

    private NotebookJob.Outcome run(String name) {
        return new NotebookJob(dir.resolve("home")).run(ROOT.resolve("notebooks").resolve(name), dir.resolve("out"), false, () -> false, line -> { });
    }

    @ParameterizedTest
    @ValueSource(strings = {"bitstamp_ticks.md", "sma_parameter_study.md", "sma_execution_compared.md", "ml_direction_compared.md"})
    void everyCellRunsAndItsChartsAreThere(String name) throws IOException {
        NotebookJob.Outcome o = run(name);   // how long: bench/e2e.sh --notebooks
        NotebookRun r = o.run();
        assertThat(r.failures()).as("failures: %s", r.failures()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.cells()).hasSize(r.notebook().cells().size());
        long charts = r.cells().stream().mapToLong(CellResult::images).sum();
        assertThat(charts).isGreaterThanOrEqualTo(3);
        for (CellResult c : r.cells()) {
            for (CellOutput out : c.outputs()) {
                if (out instanceof CellOutput.Image i) {
                    assertThat(Files.size(i.file())).isGreaterThan(5_000);
                    assertThat(Files.readString(o.html())).contains("images/" + i.file().getFileName());
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d cells, %d charts%n", name, r.cells().size(), charts);
    }

    @Test
    void theTickNotebookCountsTheBarsTheTradesMake() throws IOException {
        // a bar for each minute (and each hour) that has at least one trade, counted from the file here
        Set<Long> minutes = new HashSet<>(), hours = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(TICKS)) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                long seconds = Long.parseLong(line.substring(0, line.indexOf(',')));
                minutes.add(seconds / 60);
                hours.add(seconds / 3600);
            }
        }
        String md = Files.readString(run("bitstamp_ticks.md").markdown());
        // the trades end at 16:02:05, inside the last minute and the last hour: those unfinished bars are left out
        assertThat(md).contains(String.format(Locale.ROOT, "| 1m | %,d |", minutes.size() - 1));
        assertThat(md).contains(String.format(Locale.ROOT, "| 1h | %,d |", hours.size() - 1));
    }

    @Test
    void theParameterStudyShowsTheSweepAsATableAndAHeatmap() throws IOException {
        NotebookJob.Outcome o = run("sma_parameter_study.md");
        String md = Files.readString(o.markdown());
        assertThat(md).contains("| rank | fast | slow | sharpe |");
        List<String> heatmaps;
        try (var files = Files.list(o.html().getParent().resolve("images"))) {
            heatmaps = files.map(p -> p.getFileName().toString()).filter(n -> n.contains("heatmap")).toList();
        }
        assertThat(heatmaps).hasSize(1);
    }
}
