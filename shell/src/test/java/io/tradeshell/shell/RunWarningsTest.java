package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.path;
import static io.tradeshell.shell.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures that mean nothing, and requests that cannot be met as asked, are said in one line, not left to be found out. */
class RunWarningsTest {
    static final String SMA = path("strategies/sma_crossover.groovy");
    static final String DATA = path("data/aapl_daily_2013.csv");

    @Test
    void aWalkForwardWithoutOutOfSampleTradesWarnsThatItsSharpeAndEfficiencyMeanNothing(@TempDir Path dir) throws Exception {
        Path never = dir.resolve("never.groovy");
        Files.writeString(never, "params level: 1000000\nbuyWhen over(close, level)\nsellWhen under(close, 1)\n");
        Path out = dir.resolve("wf");
        var r = run("walkforward", never.toString(), "--data", DATA, "-p", "level=1000000,2000000", "--train", "6m", "--test", "2m",
                "--out", out.toString(), "--no-charts");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("warning: no out-of-sample trade in ").contains("the out-of-sample Sharpe ratio and the walk-forward efficiency mean nothing");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("walkforward.json").toFile());
        assertThat(summary.get("warnings").get(0).asText()).startsWith("no out-of-sample trade in ");
        // with trades there is no such warning
        var traded = run("walkforward", SMA, "--data", DATA, "-p", "fast=5,10", "-p", "slow=20", "--train", "6m", "--test", "2m",
                "--out", dir.resolve("wf2").toString(), "--no-charts");
        assertThat(traded.out()).doesNotContain("warning:");
        assertThat(new ObjectMapper().readTree(dir.resolve("wf2/walkforward.json").toFile()).get("warnings")).isEmpty();
    }

    @Test
    void aRandomSampleLargerThanTheGridSaysItRunsEveryCombination(@TempDir Path dir) {
        var r = run("optimize", SMA, "--data", DATA, "-p", "fast=5,10,15", "--search", "random", "--samples", "50",
                "--out", dir.resolve("opt").toString(), "--no-charts");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(r.err()).contains("note: --samples 50 asks for more than the 3 combinations there are: running all 3");
        assertThat(r.out()).contains("3 combinations");
    }

    @Test
    void dataShorterThanTheWarmUpIsOneWarningLineAndInTheSummary(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(DATA));
        Path shortData = dir.resolve("short.csv");
        Files.write(shortData, lines.subList(0, 21));   // header and 20 bars; the slow average needs 30
        Path out = dir.resolve("o");
        var r = run("run", SMA, "--data", shortData.toString(), "--out", out.toString(), "--no-charts");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("warning: ")).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.getFirst()).startsWith("warning: the data has 20 bars, no more than the ")
                .endsWith("bars of warm-up the rules need: no entry could be taken");
        assertThat(Files.readString(out.resolve("summary.json"))).contains("SHORT DATA: the data has 20 bars");
        var enough = run("run", SMA, "--data", DATA, "--out", dir.resolve("o2").toString(), "--no-charts");
        assertThat(enough.err()).doesNotContain("warning:");
    }
}
