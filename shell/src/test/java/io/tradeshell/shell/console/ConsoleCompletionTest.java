package io.tradeshell.shell.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.shell.console.chart.ReportCharts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TAB completion as the console's line reader computes it: its parser splits the line, its completer offers candidates. */
class ConsoleCompletionTest {
    @TempDir Path home;
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

    private List<String> complete(String line) {
        return console.complete(line);
    }

    @Test
    void commandNamesComplete() {
        assertThat(complete("da")).contains("data");
        assertThat(complete("st")).contains("strategies");
        assertThat(complete("tr")).contains("trades", "trace");
        assertThat(complete("ba")).contains("backtest");
    }

    @Test
    void subcommandsAndOptionsComplete() {
        assertThat(complete("data ")).containsExactly("describe", "list", "load", "show");
        assertThat(complete("data load data/aapl --")).contains("--bar", "--lenient", "--symbol");
        assertThat(complete("run sma_crossover --pa")).containsExactly("--param");
        assertThat(complete("run sma_crossover --fi")).containsExactly("--fill");
        assertThat(complete("run sma_crossover --fill ")).containsExactly("close", "next-open");
        assertThat(complete("set ")).containsExactly("budget", "cash", "commission", "fill", "slippage", "trust");
        assertThat(complete("help ")).contains("data", "run", "groovy", "java", "keys");
    }

    @Test
    void indicatorNamesComplete() {
        assertThat(complete("st")).contains("stochastic(");
        assertThat(complete("x = ke")).contains("keltner(");
        assertThat(complete("x = ad")).contains("adx(");
        assertThat(complete("u = ta(aapl, 'ulc")).containsExactly("ulcerIndex");
        assertThat(complete("c = ta(aapl, 'chandelierExit")).containsExactly("chandelierExitLong", "chandelierExitShort");
        assertThat(complete("help ind")).containsExactly("indicators");
    }

    @Test
    void filePathsComplete() {
        assertThat(complete("data load data/aa")).containsExactly("data/aapl_daily_2013.csv");
        assertThat(complete("data load data/")).contains("data/aapl_daily_2013.csv", "data/btcusd_bitstamp_trades_2013-11-25.csv",
                "data/ethusd_5m_2023-03-13.json").doesNotContain("data/README.md");
        assertThat(complete("run strategies/sma")).containsExactly("strategies/sma_crossover.groovy");
        assertThat(complete("aapl = load('data/aa")).containsExactly("data/aapl_daily_2013.csv");
    }

    @Test
    void strategyNamesAndTheirParamsComplete() {
        assertThat(complete("run ")).contains("bollinger_breakout", "channel_long_short", "macd_trend", "rsi_mean_reversion", "sma_crossover");
        assertThat(complete("run sma_crossover --param ")).containsExactly("fast=", "percent=", "qty=", "slow=");
        assertThat(complete("run macd_trend -p si")).containsExactly("signal=");
        assertThat(complete("strategies r")).containsExactly("rsi_mean_reversion");
        assertThat(complete("bt = backtest('strategies/sma_crossover.groovy', aapl, ")).contains("fast: ", "qty: ", "slow: ");
        assertThat(complete("s = optimize('sma_crossover', aapl, fast: 5..20, ")).contains("qty: ", "slow: ");
    }

    @Test
    void sweepCommandsCompleteTheirOwnOptionsAndTheRunOptions() {
        assertThat(complete("optimize ")).contains("sma_crossover", "macd_trend");
        assertThat(complete("optimize sma_crossover --obj")).containsExactly("--objective");
        assertThat(complete("optimize sma_crossover --objective ")).contains("sharpe", "calmar", "maxDrawdown");
        assertThat(complete("optimize sma_crossover --fi")).containsExactly("--fill");
        assertThat(complete("optimize sma_crossover -p ")).containsExactly("fast=", "percent=", "qty=", "slow=");
        assertThat(complete("walkforward sma_crossover --tr")).containsExactly("--train", "--trust");
        assertThat(complete("walkforward sma_crossover --anc")).containsExactly("--anchored");
    }

    @Test
    void loadedDataRunsAndGroovyNamesComplete() throws Exception {
        console.type("data load data/aapl_daily_2013.csv");
        console.type("data load data/btcusd_bitstamp_trades_2013-11-25.csv as btc --bar 1h");
        assertThat(complete("data describe ")).containsExactly("aapl", "btc");
        assertThat(complete("run sma_crossover --data ")).contains("aapl", "btc");
        assertThat(complete("aapl.cl")).containsExactly("aapl.close");
        assertThat(complete("rsi(aapl.vo")).containsExactly("aapl.volume");
        assertThat(complete("aapl.desc")).containsExactly("aapl.describe()");
        assertThat(complete("rs")).contains("rsi(");
        console.type("myRun = backtest('sma_crossover', aapl)");
        assertThat(complete("trades ")).containsExactly("1", "myRun");
        assertThat(complete("chart 1 ")).containsExactly("drawdown", "equity", "price");
        assertThat(complete("my")).contains("myRun");
        assertThat(complete("myRun.metrics.sh")).containsExactly("myRun.metrics.sharpe()");
    }

    @Test
    void tabInsertsParamsAndMethodCallsWithoutBackslashes() throws Exception {
        console.bindTabToCompletion();
        String run = console.type("run sma_crossover --param f\t7 --no-charts --out " + home.resolve("tab-run"));
        assertThat(console.screenText()).contains("--param fast=7 --no-charts").doesNotContain("\\");
        assertThat(run).contains("fast=7").doesNotContain("unknown param");

        console.type("data load data/aapl_daily_2013.csv");
        console.type("bt = backtest('sma_crossover', aapl)");
        String sharpe = console.type("bt.metrics.sh\t");
        assertThat(console.screenText()).contains("bt.metrics.sharpe()");
        assertThat(sharpe).doesNotContain("error").containsPattern("\\d\\.\\d");
    }

    @Test
    void javaSnippetsCompleteAsJavaInJavaModeAndAfterSlashJava() throws Exception {
        // in Groovy mode, '/java SNIPPET' completes the snippet as Java
        assertThat(complete("/java String.valueO")).contains("String.valueOf(");
        assertThat(complete("/java var m = Math.ma")).contains("Math.max(");

        console.type("/java");
        assertThat(complete("Math.ma")).contains("Math.max(");
        assertThat(complete("String.valueO")).contains("String.valueOf(");
        assertThat(complete("da")).contains("data");   // commands still complete in Java mode

        console.bindTabToCompletion();
        String out = console.type("Math.sqr\t16)");
        assertThat(console.screenText()).contains("Math.sqrt(16)");
        assertThat(out.strip()).isEqualTo("4.0");
    }
}
