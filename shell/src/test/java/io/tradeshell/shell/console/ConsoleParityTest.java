package io.tradeshell.shell.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.diff.TradeDiff;
import io.tradeshell.shell.app.ExitCode;
import io.tradeshell.shell.console.chart.ReportCharts;
import io.tradeshell.shell.console.modes.Parity;
import io.tradeshell.shell.console.progress.Progress;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.console.session.ConsoleSettings;
import io.tradeshell.shell.console.view.Output;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** parity(...) from Groovy: one script as a backtest, a live run and a paper session, as session runs. */
class ConsoleParityTest {
    @TempDir Path home;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Console console;

    @BeforeEach
    void start() {
        SampleData.useRepository();
        console = new Console(new ConsoleSettings(home, false), Output.plain(new PrintWriter(out, true), new PrintWriter(err, true)),
                Progress.NONE, new ReportCharts(), null);
        assertThat(console.runText("aapl = load('data/aapl_daily_2013.csv')")).isEqualTo(ExitCode.OK);
    }

    private Object value(String name) {
        return console.workspace().groovy().variable(name).orElseThrow();
    }

    @Test
    void withoutRealismTheThreeModesMakeTheBacktestsTradesAndBecomeSessionRuns() {
        assertThat(console.runText("p = parity('sma_crossover', aapl, fast: 5); bt = backtest('sma_crossover', aapl, fast: 5)"))
                .as(err.toString()).isEqualTo(ExitCode.OK);
        Parity p = (Parity) value("p");
        SessionRun single = (SessionRun) value("bt");
        assertThat(p.getBacktest().getMetrics()).isEqualTo(single.getMetrics());
        assertThat(p.getLive().getTrades()).isEqualTo(single.getTrades());
        assertThat(p.getPaper().getTrades()).isEqualTo(single.getTrades());
        assertThat(p.isIdentical()).isTrue();
        assertThat(p.getRuns().keySet()).containsExactly("backtest", "live", "paper");
        // the three runs are the session's #1 to #3, the single backtest #4
        assertThat(console.workspace().runs().all()).hasSize(4);
        assertThat(p.getPaper().id()).isEqualTo(3);
        int from = out.toString().length();
        assertThat(console.runText("p")).isEqualTo(0);
        assertThat(out.toString().substring(from)).contains("paper realism off").contains("the three modes made the same trades");
    }

    @Test
    void aPaperLatencyOfADayMakesEveryPaperTradeDifferForThatCause() {
        assertThat(console.runText("p = parity('sma_crossover', aapl, latencyMs: 86400000)")).as(err.toString()).isEqualTo(ExitCode.OK);
        Parity p = (Parity) value("p");
        assertThat(p.getLiveDifferences()).isEmpty();
        assertThat(p.getPaperDifferences()).hasSize(p.getBacktest().getTrades().size()).isNotEmpty();
        for (TradeDiff.Difference d : p.getPaperDifferences()) assertThat(d.cause()).isEqualTo(TradeDiff.Cause.LATENCY);
        assertThat(Parity.causes(p.getPaperDifferences())).containsExactly(java.util.Map.entry("latency", p.getPaperDifferences().size()));
        assertThat(console.runText("chart(p.runs)")).as(err.toString()).isEqualTo(ExitCode.OK);
    }

    @Test
    void anUnknownNameIsRefused() {
        assertThat(console.runText("parity('sma_crossover', aapl, latency: 5)")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("'latency' is neither a param of").contains("latencyMs");
    }
}
