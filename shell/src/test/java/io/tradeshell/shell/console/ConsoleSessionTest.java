package io.tradeshell.shell.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeshell.shell.console.SampleData.Row;
import io.tradeshell.shell.console.chart.ReportCharts;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console driven through a JLine virtual terminal, line by line, as a researcher would use it. */
class ConsoleSessionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path home;
    @TempDir Path runs;
    private ConsoleDriver console;

    @BeforeEach
    void start() throws Exception {
        SampleData.useRepository();
        console = new ConsoleDriver(home, new ReportCharts());
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
    }

    @Test
    void theNewIndicatorWordsAndTheTa4jLibraryWorkOnLoadedData() throws Exception {
        console.type("aapl = load('data/aapl_daily_2013.csv')");
        double adx = Double.parseDouble(console.type("adx(aapl, 14).last()").strip());
        assertThat(adx).isBetween(0.0, 100.0);
        assertThat(Double.parseDouble(console.type("keltner(aapl, 20, 2).upper[0] - keltner(aapl, 20, 2).lower[0]").strip())).isPositive();
        assertThat(Double.parseDouble(console.type("ta(aapl, 'ulcerIndex', aapl.close, 14).last()").strip())).isPositive();
        assertThat(console.type("help indicators")).contains("adx(barCount=14, adxBarCount=14)", "ta('chandelierExitLong', barCount=22, k=3)");
    }

    @Test
    void groovyStateCarriesFromLineToLineAndValuesPrintReadably() throws Exception {
        List<Row> rows = SampleData.aapl();
        assertThat(console.type("aapl = load('data/aapl_daily_2013.csv')"))
                .startsWith("aapl ==> AAPL: 252 bars of 1d, 2013-01-02 .. 2013-12-31");
        console.type("s = sma(aapl.close, 10)");
        BigDecimal sum = BigDecimal.ZERO;
        for (Row r : rows.subList(rows.size() - 10, rows.size())) sum = sum.add(r.close());
        double mean = sum.divide(BigDecimal.TEN, MathContext.DECIMAL64).doubleValue();
        assertThat(Double.parseDouble(console.type("s.last()").strip())).isCloseTo(mean, within(1e-9));

        String series = console.type("s");
        assertThat(series).startsWith("SMA(close, 10) on AAPL: 252 values, 9 warming up");
        assertThat(series).contains(rows.get(0).date(), rows.get(4).date(), "…", rows.get(rows.size() - 1).date());
        assertThat(series).doesNotContain(rows.get(5).date()).doesNotContain("@");

        assertThat(console.type("def twice(x) { x * 2 }").strip()).isEqualTo("defined twice(x)");
        assertThat(console.type("twice(21)").strip()).isEqualTo("42");
        assertThat(console.type("def n = aapl.size()").strip()).isEqualTo("n ==> 252");
        assertThat(console.type("n + 1").strip()).isEqualTo("253");
    }

    @Test
    void rsiOfLoadedDataMatchesWildersSmoothingWorkedOutHere() throws Exception {
        List<Row> rows = SampleData.aapl();
        console.type("aapl = load('data/aapl_daily_2013.csv')");
        // Wilder's averages, seeded with the move at bar 14, then avg += (move - avg) / 14
        double gain = Double.NaN, loss = Double.NaN;
        for (int i = 14; i < rows.size(); i++) {
            double move = rows.get(i).close().subtract(rows.get(i - 1).close()).doubleValue();
            double g = Math.max(move, 0), l = Math.max(-move, 0);
            gain = Double.isNaN(gain) ? g : gain + (g - gain) / 14;
            loss = Double.isNaN(loss) ? l : loss + (l - loss) / 14;
        }
        double expected = 100 - 100 / (1 + gain / loss);
        assertThat(Double.parseDouble(console.type("rsi(aapl.close, 14).last()").strip())).isCloseTo(expected, within(1e-9));
    }

    @Test
    void aRuleOverLoadedDataSaysWhereItHolds() throws Exception {
        List<Row> rows = SampleData.aapl();
        console.type("aapl = load('data/aapl_daily_2013.csv')");
        BigDecimal level = new BigDecimal("550");
        List<String> above = rows.stream().filter(r -> r.close().compareTo(level) > 0).map(Row::date).toList();
        assertThat(console.type("high = over(aapl.close, 550)").strip())
                .isEqualTo("high ==> over(close, 550) on AAPL: holds on " + above.size() + " of 252 bars, last " + above.get(above.size() - 1));
        BigDecimal cap = new BigDecimal("560");
        List<String> between = rows.stream().filter(r -> r.close().compareTo(level) > 0 && r.close().compareTo(cap) < 0).map(Row::date).toList();
        assertThat(between.size()).isLessThanOrEqualTo(12);
        assertThat(console.type("high & under(aapl.close, 560)"))
                .contains("holds on " + between.size() + " of 252 bars").contains(String.join(", ", between));
        assertThat(console.type("(~high).count()").strip()).isEqualTo(String.valueOf(252 - above.size()));
    }

    @Test
    void multiLineInputContinuesWhileABraceIsOpen() throws Exception {
        console.type("total = 0");
        String loop = console.type("for (i in 1..4) {\n  total += i\n}");
        assertThat(loop).doesNotContain("error");
        assertThat(console.type("total").strip()).isEqualTo("10");
        assertThat(console.screenText()).contains(" ...> ");
    }

    @Test
    void anUnclosedBracketEndsAfterTwoEmptyLinesWithOneLineAndThePromptSaysCtrlCCancels() throws Exception {
        String out = console.type("x = Math.max(1,\n\n");
        assertThat(console.screenText()).contains("Enter again ends it, Ctrl-C cancels ...> ");
        assertThat(out.lines().filter(l -> l.startsWith("error:")).toList())
                .containsExactly("error: unfinished input: the '(' opened at line 1 is never closed");
        assertThat(console.type("'''a\n\n\nb'''.size()")).doesNotContain("error").containsPattern("\\n5\\s*$");
        assertThat(console.type("1 + 1").strip()).isEqualTo("2");
    }

    @Test
    void dataCommandsLoadListShowAndDescribe() throws Exception {
        List<Row> rows = SampleData.aapl();
        assertThat(console.type("data load data/aapl_daily_2013.csv")).startsWith("aapl = AAPL: 252 bars of 1d");
        assertThat(console.type("data list")).contains("aapl", "AAPL", "252", "1d", "2013-01-02", "2013-12-31", "data/aapl_daily_2013.csv");

        String shown = console.type("data show aapl 3");
        assertThat(shown.lines().count()).isEqualTo(2 + 3);
        for (Row r : rows.subList(0, 3)) assertThat(shown).contains(r.date(), r.close().toPlainString());
        assertThat(shown).doesNotContain(rows.get(3).date());

        String described = console.type("data describe aapl");
        assertThat(described).contains("252 of 1d", "2013-01-02 to 2013-12-31");
        // the weekday market holidays of 2013 between the first and last bar
        List<String> holidaysAfter = List.of("2013-01-18", "2013-02-15", "2013-03-28", "2013-05-24", "2013-07-03",
                "2013-08-30", "2013-11-27", "2013-12-24");
        assertThat(described).contains("gaps      " + holidaysAfter.size() + ", " + holidaysAfter.size() + " bar(s) missing (after "
                + String.join(", ", holidaysAfter.subList(0, 4)) + ", …)");

        double[] r = new double[rows.size() - 1];
        double sum = 0, worst = Double.POSITIVE_INFINITY;
        String worstDate = "";
        for (int i = 1; i < rows.size(); i++) {
            r[i - 1] = rows.get(i).close().doubleValue() / rows.get(i - 1).close().doubleValue() - 1;
            sum += r[i - 1];
            if (r[i - 1] < worst) {
                worst = r[i - 1];
                worstDate = rows.get(i).date();
            }
        }
        double mean = sum / r.length, ss = 0;
        for (double x : r) ss += (x - mean) * (x - mean);
        double stdev = Math.sqrt(ss / (r.length - 1));
        long days = ChronoUnit.DAYS.between(LocalDate.parse(rows.get(0).date()), LocalDate.parse(rows.get(rows.size() - 1).date()));
        double perYear = (rows.size() - 1) / (days / 365.25);
        assertThat(described).contains("mean    " + pct(mean) + " per bar");
        assertThat(described).contains("stdev   " + pct(stdev) + " per bar, " + pct(stdev * Math.sqrt(perYear)) + " annualised");
        assertThat(described).contains("worst   " + pct(worst) + " on " + worstDate);
    }

    @Test
    void strategiesListsEveryScriptWithItsParamsAndDefaults() throws Exception {
        String listed = console.type("strategies");
        List<Path> scripts;
        try (var files = Files.list(SampleData.ROOT.resolve("strategies"))) {
            scripts = files.filter(p -> p.toString().endsWith(".groovy")).sorted().toList();
        }
        assertThat(scripts).extracting(p -> p.getFileName().toString()).contains("sma_crossover.groovy", "btc_weekly_filter.groovy");
        for (Path script : scripts) {
            String params = Files.readAllLines(script).stream().filter(l -> l.startsWith("params ")).findFirst().orElseThrow()
                    .substring("params ".length()).replace(": ", "=").replace(", ", " ").replace("'", "");
            assertThat(listed).contains(script.getFileName().toString().replace(".groovy", "")).contains(params);
        }
    }

    @Test
    void runWritesItsFilesAndTradesMetricsCompareAndRunsShowIt() throws Exception {
        Path first = runs.resolve("sma"), second = runs.resolve("rsi");
        String ran = console.type("run sma_crossover --out " + first + " --no-charts");
        assertThat(ran).contains("SMA crossover  [backtest]", "outputs  " + first, "run #1");
        console.type("run strategies/rsi_mean_reversion.groovy --param oversold=30 --out " + second + " --no-charts");

        List<JsonNode> trades = new ArrayList<>();
        for (String line : Files.readAllLines(first.resolve("trades.jsonl"))) trades.add(JSON.readTree(line));
        String table = console.type("trades 1");
        assertThat(table).contains(trades.size() + " trade" + (trades.size() == 1 ? "" : "s") + ",");
        for (JsonNode t : trades) {
            assertThat(table).contains(String.format(Locale.ROOT, "%,.2f", t.get("pnl").asDouble()));
            assertThat(table).contains(t.get("entryTime").asText().substring(0, 10));
            assertThat(table).contains(t.get("exitReason").asText());
        }
        assertThat(table).contains("reason");

        JsonNode m1 = JSON.readTree(first.resolve("summary.json").toFile()).get("metrics");
        JsonNode m2 = JSON.readTree(second.resolve("summary.json").toFile()).get("metrics");
        assertThat(console.type("metrics 1")).contains("Sharpe").contains(String.format(Locale.ROOT, "%.3f", m1.get("sharpe").asDouble()));
        String compared = console.type("compare 1 2");
        assertThat(compared).contains("#1", "#2", "RSI mean reversion period=14 oversold=30");
        String sharpeRow = compared.lines().filter(l -> l.strip().startsWith("Sharpe")).findFirst().orElseThrow();
        assertThat(sharpeRow.split("\\s+")).endsWith(String.format(Locale.ROOT, "%.3f", m1.get("sharpe").asDouble()),
                String.format(Locale.ROOT, "%.3f", m2.get("sharpe").asDouble()));
        assertThat(console.type("runs")).contains("#1", "#2", "SMA crossover", "RSI mean reversion", first.toString(), second.toString());
    }

    @Test
    void setChangesLaterRunsUnlessTheirOwnOptionSaysOtherwise() throws Exception {
        assertThat(console.type("set cash 50000")).contains("cash", "50000");
        assertThat(console.type("get")).contains("cash", "50000", "commission", "0.001", "slippage", "fill", "next-open");
        assertThat(console.type("set fill sometimes")).startsWith("error: ");
        assertThat(console.type("get fill")).contains("next-open");

        console.type("run sma_crossover --out " + runs.resolve("a") + " --no-charts");
        console.type("run sma_crossover --cash 70000 --out " + runs.resolve("b") + " --no-charts");
        assertThat(JSON.readTree(runs.resolve("a/summary.json").toFile()).at("/settings/cash").asDouble()).isEqualTo(50_000);
        assertThat(JSON.readTree(runs.resolve("b/summary.json").toFile()).at("/settings/cash").asDouble()).isEqualTo(70_000);
    }

    @Test
    void groovyBacktestMatchesTheRunCommandWithTheSameParams() throws Exception {
        console.type("aapl = load('data/aapl_daily_2013.csv')");
        assertThat(console.type("bt = backtest('strategies/sma_crossover.groovy', aapl, fast: 5)"))
                .startsWith("bt ==> #1 SMA crossover fast=5 slow=30 qty=0 percent=95 on AAPL: return ");
        console.type("run sma_crossover --param fast=5 --data aapl --out " + runs.resolve("fast5") + " --no-charts");
        JsonNode metrics = JSON.readTree(runs.resolve("fast5/summary.json").toFile()).get("metrics");
        assertThat(Double.parseDouble(console.type("bt.metrics.sharpe").strip())).isEqualTo(metrics.get("sharpe").asDouble());
        assertThat(console.type("bt.trades.size()").strip()).isEqualTo(metrics.get("trades").asText());
        assertThat(console.type("bt")).contains("Sharpe", "Max drawdown", "Trades");
        assertThat(console.type("trades bt")).contains("#1 SMA crossover fast=5");
    }

    @Test
    void chartWritesAPngPrintsItsPathAndDrawsItAsTextOffImageTerminals() throws Exception {
        console.type("aapl = load('data/aapl_daily_2013.csv')");
        console.type("bt = backtest('sma_crossover', aapl, fast: 5)");
        double finalEquity = Double.parseDouble(console.type("bt.metrics.finalEquity").strip());
        double maxDrawdown = Double.parseDouble(console.type("bt.metrics.maxDrawdown").strip());

        String equity = console.type("chart bt equity");
        Path png = home.resolve("charts").resolve(equity.lines().findFirst().orElseThrow().replaceAll(".*/", ""));
        assertThat(equity).startsWith("equity chart of #1 SMA crossover fast=5").contains(png.toString());
        assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(equity).contains("equity, 100,000.00 -> " + String.format(Locale.ROOT, "%,.2f", finalEquity));
        assertThat(equity.lines().filter(l -> l.contains("┤") || l.contains("│")).count()).isEqualTo(16);

        String drawdown = console.type("chart drawdown");
        assertThat(drawdown).contains("drawdown in %, worst " + String.format(Locale.ROOT, "%.2f", -100 * maxDrawdown) + "%");
        assertThat(console.type("chart 7")).startsWith("error: no run '7': this session has #1 to #1");
    }

    @Test
    void aMistakeSaysWhatWentWrongInOneLineAndTheConsoleCarriesOn() throws Exception {
        console.type("aapl = load('data/aapl_daily_2013.csv')");
        assertThat(console.type("foo + 1")).startsWith("error: unknown name 'foo'\n");
        assertThat(console.type("aapl.clos")).startsWith("error: Dataset has no property 'clos' (did you mean 'close'?)");
        assertThat(console.type("rsi(aapl.close, 0)").strip()).isEqualTo("error: rsi needs a whole number of bars >= 1, got 0");
        assertThat(console.type("data show nothing").strip()).startsWith("error: no data named 'nothing'");
        assertThat(console.type("run no_such_strategy").strip()).startsWith("error: no strategy script 'no_such_strategy'");
        assertThat(console.type("1 +").strip()).startsWith("error: ");
        assertThat(console.type("trace")).contains("Exception").contains("\tat ");
        assertThat(console.type("6 * 7").strip()).isEqualTo("42");
    }

    @Test
    void javaSnippetsRunInJShellWithTheEngineAndTheSessionsData() throws Exception {
        assertThat(console.type("/java int x = 6 * 7;").strip()).isEqualTo("x ==> 42");
        assertThat(console.type("/java x + 1").strip()).isEqualTo("43");
        console.type("data load data/aapl_daily_2013.csv");
        String groovy = console.type("sma(aapl.close, 20).last()").strip();
        assertThat(console.type("/java sma(aapl.getClose(), 20).last()").strip()).isEqualTo(groovy);
        assertThat(console.type("/java int bad = \"text\";")).startsWith("error: does not compile: incompatible types");
        console.type("/java");
        assertThat(console.type("Math.max(aapl.size(), 3)").strip()).isEqualTo("252");
        console.type("/groovy");
        assertThat(console.type("[1, 2, 3].sum()").strip()).isEqualTo("6");
    }

    @Test
    void ctrlCStopsALoopAndTheConsoleStays() throws Exception {
        int from = console.screenText().length();
        console.typeNoWait("n = 0; while (true) { n++ }");
        console.awaitText("n ==> 0");
        Thread.sleep(200);
        console.terminal().raise(Terminal.Signal.INT);
        assertThat(console.awaitPromptAfter(from)).contains("error: interrupted (Ctrl-C)");
        assertThat(console.type("n > 0").strip()).isEqualTo("true");
    }

    @Test
    void exitLeavesAndHistoryIsKept() throws Exception {
        console.type("1 + 1");
        console.typeNoWait("exit");
        console.awaitEnd();
        assertThat(console.running()).isFalse();
        console.reader().getHistory().save();
        assertThat(Files.readString(home.resolve("history"))).contains("1 + 1");
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }
}
