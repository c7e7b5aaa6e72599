package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.path;
import static io.tradeshell.shell.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.shell.app.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoRunsAreShownSideBySideWithTheirDifferenceAndOneChartOfBothCurves(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("slow"), b = dir.resolve("fast");
        assertThat(run("run", path("strategies/sma_crossover.groovy"), "--out", a.toString(), "--no-charts").exitCode()).isZero();
        assertThat(run("run", path("strategies/sma_crossover.groovy"), "--param", "fast=5", "--param", "slow=20", "--out", b.toString(),
                "--no-charts").exitCode()).isZero();
        var r = run("compare", a.toString(), b.toString(), "--out", dir.resolve("chart").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();

        JsonNode ma = JSON.readTree(a.resolve("summary.json").toFile()).get("metrics");
        JsonNode mb = JSON.readTree(b.resolve("summary.json").toFile()).get("metrics");
        double ea = ma.get("finalEquity").asDouble(), eb = mb.get("finalEquity").asDouble();
        String equityRow = r.out().lines().filter(l -> l.startsWith("Final equity")).findFirst().orElseThrow();
        assertThat(equityRow).contains(String.format(Locale.ROOT, "%,.2f", ea), String.format(Locale.ROOT, "%,.2f", eb),
                String.format(Locale.ROOT, "%+,.2f", eb - ea));
        String returnRow = r.out().lines().filter(l -> l.startsWith("Total return")).findFirst().orElseThrow();
        double pp = 100 * (mb.get("totalReturn").asDouble() - ma.get("totalReturn").asDouble());
        assertThat(returnRow).endsWith(String.format(Locale.ROOT, "%+.2f pp", pp));
        String tradesRow = r.out().lines().filter(l -> l.startsWith("Trades")).findFirst().orElseThrow();
        assertThat(tradesRow).endsWith(String.format(Locale.ROOT, "%+d", mb.get("trades").asInt() - ma.get("trades").asInt()));
        assertThat(r.out()).contains("slow [backtest]", "fast [backtest]", "B - A");

        Path chart = dir.resolve("chart.png");
        assertThat(r.out()).contains("chart");
        assertThat(Files.readAllBytes(chart)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void withoutOutTheChartGoesUnderRunsNamedAfterBothRuns(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("sma"), b = dir.resolve("demo");
        assertThat(run("run", path("strategies/sma_crossover.groovy"), "--out", a.toString(), "--no-charts").exitCode()).isZero();
        assertThat(run("run", path("strategies/sma_crossover.groovy"), "--param", "fast=5", "--out", b.toString(), "--no-charts")
                .exitCode()).isZero();
        Path chart = Path.of("runs", "compare-sma-vs-demo.png");
        try {
            var r = run("compare", a.toString(), b.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("chart    " + chart);
            assertThat(Files.readAllBytes(chart)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        } finally {
            Files.deleteIfExists(chart);
            try (var left = Files.list(chart.getParent())) {
                if (left.findAny().isEmpty()) Files.delete(chart.getParent());
            }
        }
    }

    @Test
    void aFolderWithoutASummaryIsBadInput(@TempDir Path dir) {
        var r = run("compare", dir.toString(), dir.resolve("nothing").toString(), "--no-chart");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("summary.json");
    }
}
