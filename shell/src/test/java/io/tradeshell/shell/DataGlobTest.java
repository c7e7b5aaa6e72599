package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.path;
import static io.tradeshell.shell.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGlobTest {
    static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> symbols(Path summary) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode d : JSON.readTree(summary.toFile()).get("data")) out.add(d.get("symbol").asText());
        return out;
    }

    @Test
    void aGlobLoadsEveryMatchingFileUnderItsFileNamesSymbol(@TempDir Path dir) throws Exception {
        var r = run("run", path("strategies/sma_crossover.groovy"), "--data", path("data/sectors") + "/xl[kpv]_*.json",
                "--out", dir.toString(), "--no-charts");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(symbols(dir.resolve("summary.json"))).containsExactly("XLK", "XLP", "XLV");
        assertThat(r.err()).doesNotContain("overlap");
        // the three share their trading days: one equity point per day
        assertThat(Files.readAllLines(dir.resolve("equity.jsonl"))).hasSize(1890);
    }

    @Test
    void aFolderLoadsItsDataFiles(@TempDir Path dir) throws Exception {
        var r = run("run", path("strategies/sma_crossover.groovy"), "--data", path("data/sectors"), "--out", dir.toString(), "--no-charts");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(symbols(dir.resolve("summary.json"))).containsExactly("XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE",
                "XLU", "XLV", "XLY");
    }

    @Test
    void aSymbolNamesOneFileOnly(@TempDir Path dir) {
        var r = run("run", path("strategies/sma_crossover.groovy"), "--data", "X=" + path("data/sectors") + "/*.json", "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("X= names one file, but 11 match");
    }

    @Test
    void aGlobMatchingNothingIsBadInput(@TempDir Path dir) {
        var r = run("run", path("strategies/sma_crossover.groovy"), "--data", path("data/sectors") + "/*.csv", "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("*.csv: no data files match");
    }

    @Test
    void symbolsWhoseDatesNeverMeetAreWarnedAboutOnceAndInTheSummary(@TempDir Path dir) throws Exception {
        var r = run("run", path("strategies/sma_crossover.groovy"), "--data", path("data/aapl_daily_2013.csv"),
                "--data", path("data/ethusd_5m_2023-03-13.json"), "--out", dir.toString(), "--no-charts");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        String warning = "warning: the symbols' date ranges do not overlap: ETHUSD starts at 2023-03-13T18:00:00Z, after AAPL ends at 2014-01-01T00:00:00Z";
        assertThat(r.err().lines().filter(l -> l.contains("do not overlap")).toList()).containsExactly(warning);
        String assumptions = JSON.readTree(dir.resolve("summary.json").toFile()).get("assumptions").toString();
        assertThat(assumptions).contains("do not overlap");
    }
}
