package io.tradeshell.shell.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperCommandTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    record Outcome(int exitCode, String out, String err) { }

    static Outcome run(String... args) {
        System.setProperty("tradeshell.home", ROOT.toString());
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    private Outcome paper(String... args) {
        List<String> all = new ArrayList<>(List.of("paper"));
        all.addAll(List.of(args));
        all.add("--home");
        all.add(home.toString());
        return run(all.toArray(new String[0]));
    }

    private static String script(String name) {
        return ROOT.resolve("strategies/" + name + ".groovy").toString();
    }

    @Test
    void algosListsTheParentOrdersStillWorkingAndWithAllTheFinishedOnesToo(@TempDir Path tmp) throws Exception {
        Path script = Files.writeString(tmp.resolve("twaps.groovy"), """
                title 'two TWAPs'
                onBar {
                    if (index == 20) buy 90, algo: twap('3d', slices: 3)
                    if (index == 200) buy 50, algo: twap('600d', slices: 5)
                }
                """);
        var started = paper("start", "algos", script.toString(), "--speed", "max", "--data", ROOT.resolve("data/aapl_daily_2013.csv").toString(),
                "--quiet", "--no-charts");
        assertThat(started.exitCode()).as(started.err()).isEqualTo(0);

        var working = paper("algos", "algos");
        assertThat(working.exitCode()).as(working.err()).isEqualTo(0);
        assertThat(working.out().lines().toList()).singleElement().asString().contains("BUY 50 ").contains("twap").contains("WORKING")
                .contains("sent 10, filled 10").contains("children ");
        var all = paper("algos", "algos", "--all");
        assertThat(all.out().lines().toList()).hasSize(2);
        assertThat(all.out().lines().toList().getFirst()).contains("BUY 90 ").contains("DONE").contains("sent 90, filled 90");
        var none = paper("algos", "nope");
        assertThat(none.exitCode()).isEqualTo(2);
    }

    @Test
    void aSessionAtMaxSpeedLeavesAnAccountWhoseStatusAgreesWithItsFills() throws Exception {
        var started = paper("start", "demo", script("rsi_mean_reversion"), "--speed", "max", "--data", ROOT.resolve("data/ethusd_5m_2023-03-13.json").toString(),
                "--lot", "0", "--quiet", "--no-charts");
        assertThat(started.exitCode()).as(started.err()).isEqualTo(0);
        assertThat(started.out()).contains("RSI mean reversion  [paper]").contains("paper account demo  finished");

        var status = paper("status", "demo", "--json");
        assertThat(status.exitCode()).as(status.err()).isEqualTo(0);
        JsonNode s = JSON.readTree(status.out());
        Path account = home.resolve("paper/demo");
        assertThat(s.get("state").asText()).isEqualTo("finished");
        JsonNode summary = JSON.readTree(account.resolve("summary.json").toFile());
        // one feed event per bar: the whole file was played
        assertThat(s.get("feed").get("position").asLong()).isEqualTo(summary.get("bars").asLong()).isEqualTo(580);

        // an independent account: replay fills.jsonl by hand
        double cash = 100_000;
        Map<String, Double> position = new TreeMap<>();
        List<String> fills = Files.readAllLines(account.resolve("fills.jsonl"));
        for (String line : fills) {
            JsonNode f = JSON.readTree(line);
            int sign = f.get("side").asText().equals("BUY") ? 1 : -1;
            cash -= sign * f.get("qty").asDouble() * f.get("price").asDouble() + f.get("commission").asDouble();
            position.merge(f.get("symbol").asText(), sign * f.get("qty").asDouble(), Double::sum);
        }
        double realised = 0;
        for (String line : Files.readAllLines(account.resolve("trades.jsonl"))) realised += JSON.readTree(line).get("pnl").asDouble();
        assertThat(fills).isNotEmpty();
        assertThat(s.get("fills").asInt()).isEqualTo(fills.size());
        assertThat(s.get("cash").asDouble()).isCloseTo(cash, within(1e-6));
        assertThat(s.get("realizedPnl").asDouble()).isCloseTo(realised, within(1e-6));
        int open = (int) position.values().stream().filter(q -> Math.abs(q) > 1e-9).count();
        assertThat(s.get("positions").size()).isEqualTo(open);
        for (JsonNode p : s.get("positions")) {
            double signed = (p.get("side").asText().equals("LONG") ? 1 : -1) * p.get("qty").asDouble();
            assertThat(signed).isCloseTo(position.get(p.get("symbol").asText()), within(1e-9));
        }
        assertThat(s.get("equity").asDouble()).isEqualTo(summary.get("metrics").get("finalEquity").asDouble());
        assertThat(s.has("openOrders")).isTrue();

        var human = paper("status", "demo");
        assertThat(human.out()).contains("paper account demo  finished").contains("feed      position 580")
                .contains("fills     " + fills.size());
        assertThat(paper("list").out()).containsPattern("demo +finished +ACTIVE");
        assertThat(paper("orders", "demo").exitCode()).isEqualTo(0);
        assertThat(paper("positions", "demo").exitCode()).isEqualTo(0);
    }

    @Test
    void riskDenialsAndHaltsAreJournaledWithTheirReasonAndShownInTheSessionsOutput() throws Exception {
        var r = paper("start", "risky", script("rsi_mean_reversion"), "--speed", "max", "--data", ROOT.resolve("data/ethusd_5m_2023-03-13.json").toString(),
                "--lot", "0", "--max-drawdown", "0.002", "--quiet", "--no-charts");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        List<String> journal = Files.readAllLines(home.resolve("paper/risky/journal.jsonl"));
        String halt = journal.stream().filter(l -> l.contains("\"type\":\"TradingStateChanged\"")).findFirst().orElseThrow();
        JsonNode h = JSON.readTree(halt);
        assertThat(h.get("state").asText()).isEqualTo("HALTED");
        assertThat(h.get("reason").asText()).matches("drawdown 0\\.\\d\\d% from the peak [\\d.]+ exceeds the 0\\.20% limit");
        // event lines write times as the run header does: minutes for 5-minute bars, no ISO instants
        assertThat(r.out()).contains(minute(h.get("time").asText()) + "  TRADING HALTED  " + h.get("reason").asText())
                .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
        for (String denial : journal.stream().filter(l -> l.contains("\"type\":\"RiskDenied\"")).toList()) {
            JsonNode d = JSON.readTree(denial);
            assertThat(d.get("reason").asText()).isEqualTo("trading is halted: only orders that reduce a position are allowed");
            assertThat(r.out()).contains(minute(d.get("time").asText()) + "  RISK DENIED  ").contains(d.get("reason").asText());
        }
        assertThat(JSON.readTree(paper("status", "risky", "--json").out()).get("tradingState").asText()).isEqualTo("HALTED");
    }

    @Test
    void anAccountIsStartedOnceAndOperatorCommandsOnAStoppedOneWaitForItsResume() {
        var first = paper("start", "once", script("sma_crossover"), "--speed", "max", "--quiet");
        assertThat(first.out()).contains("chart    ");
        assertThat(first.exitCode()).as(first.err()).isEqualTo(0);
        var again = paper("start", "once", script("sma_crossover"), "--speed", "max");
        assertThat(again.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(again.err()).contains("paper account 'once' already exists; continue it with 'paper resume once'");
        var finished = paper("resume", "once");
        assertThat(finished.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(finished.err()).contains("has finished its feed (at position 252); there is nothing to resume");
        assertThat(paper("pause", "once").err()).contains("has finished its feed; commands no longer apply");

        var unknown = paper("status", "nobody");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("no paper account 'nobody'");
        var badName = paper("status", "../etc");
        assertThat(badName.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void anAccountWhoseSessionFileWasDeletedSaysSoAndNotThatThereIsNoAccount() throws Exception {
        var started = paper("start", "lost", script("sma_crossover"), "--speed", "max", "--quiet", "--no-charts");
        assertThat(started.exitCode()).as(started.err()).isEqualTo(0);
        Path account = home.resolve("paper/lost");
        Files.delete(account.resolve("session.json"));
        assertThat(account.resolve("journal.jsonl")).exists();
        for (String command : List.of("status", "resume")) {
            var r = paper(command, "lost");
            assertThat(r.exitCode()).as(command).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(r.err()).as(command)
                    .contains("paper account 'lost' has lost its settings: " + account.resolve("session.json") + " is missing")
                    .contains("though its journal journal.jsonl is there")
                    .contains("put session.json back")
                    .doesNotContain("no paper account");
            assertThat(r.err().strip().lines()).as(command).hasSize(1);
        }
    }

    @Test
    void aPaperAccountKeepsItsOverlaysSoItsHtmlReportDrawsTheIndicators() throws Exception {
        var started = paper("start", "lines", script("sma_crossover"), "--speed", "max", "--quiet", "--no-charts");
        assertThat(started.exitCode()).as(started.err()).isEqualTo(0);
        Path account = home.resolve("paper/lines");
        assertThat(Files.readAllLines(account.resolve("overlays.jsonl"))).hasSize(2);
        var report = run("report", account.toString(), "--out", home.resolve("html").toString());
        assertThat(report.exitCode()).as(report.err()).isEqualTo(0);
        assertThat(Files.readString(home.resolve("html/report.html"))).contains("Lines: the strategy's");
    }

    /** {@code 2023-03-13T10:05:00Z} as a line about 5-minute bars writes it: {@code 2023-03-13 10:05}. */
    private static String minute(String iso) {
        java.time.ZonedDateTime t = java.time.Instant.parse(iso).atZone(java.time.ZoneOffset.UTC);
        assertThat(t.getSecond()).isZero();
        return t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }
}
