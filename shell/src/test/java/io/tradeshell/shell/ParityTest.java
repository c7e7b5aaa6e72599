package io.tradeshell.shell;

import static io.tradeshell.shell.CliTestSupport.path;
import static io.tradeshell.shell.CliTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.diff.TradeDiff;
import io.tradeshell.shell.app.trading.ParityCheck;
import io.tradeshell.shell.app.trading.RunOptions;
import io.tradeshell.shell.app.trading.RunService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The promise: the script a user backtested does the same in a live run and in a paper session. */
class ParityTest {
    static final List<String> STRATEGIES = List.of("sma_crossover", "rsi_mean_reversion", "bollinger_breakout", "macd_trend", "channel_long_short",
            "donchian_atr_risk");
    static final List<String> DATA = List.of("data/aapl_daily_2013.csv", "data/ethusd_5m_2023-03-13.json");
    private static final RunService SERVICE = new RunService();

    static Stream<Arguments> everyStrategyOnEveryBarFile() {
        return STRATEGIES.stream().flatMap(s -> DATA.stream().map(d -> Arguments.of(s, d)));
    }

    private static ParityCheck.Report parity(String strategy, String data, String... extra) {
        System.setProperty("tradeshell.home", CliTestSupport.ROOT.toString());
        RunOptions options = new RunOptions();
        options.data = List.of(path(data));
        options.lot = 0;
        new picocli.CommandLine(new Holder(options)).parseArgs(extra);
        return new ParityCheck(SERVICE).run(Path.of(path("strategies/" + strategy + ".groovy")), options.settings(), Optional.empty(),
                new PrintWriter(new StringWriter()));
    }

    /** Lets picocli fill a RunOptions from option text, as the commands do. */
    @picocli.CommandLine.Command(name = "holder")
    static final class Holder {
        @picocli.CommandLine.Mixin RunOptions options;

        Holder(RunOptions options) { this.options = options; }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyStrategyOnEveryBarFile")
    void onBarDataTheBacktestTheLiveRunAndThePaperSessionMakeExactlyTheSameTradesAndEquity(String strategy, String data) {
        ParityCheck.Report r = parity(strategy, data);
        RunResult backtest = r.backtest().result();
        assertThat(backtest.trades().size() + backtest.openPositions().size()).as("the strategy must trade").isGreaterThan(0);
        for (ParityCheck.ModeRun other : List.of(r.live(), r.paper())) {
            assertThat(other.result().trades()).as(other.mode()).isEqualTo(backtest.trades());
            assertThat(other.result().fills()).as(other.mode()).isEqualTo(backtest.fills());
            assertThat(other.result().curve().time()).as(other.mode()).isEqualTo(backtest.curve().time());
            assertThat(other.result().curve().equity()).as(other.mode()).isEqualTo(backtest.curve().equity());
            assertThat(other.result().openPositions()).as(other.mode()).isEqualTo(backtest.openPositions());
        }
        assertThat(r.liveDiffs()).isEmpty();
        assertThat(r.paperDiffs()).isEmpty();
        assertThat(r.identical()).isTrue();
    }

    @Test
    void theParityCommandReportsZeroDifferencesWhenThePaperRealismIsOff() {
        var r = run("parity", path("strategies/sma_crossover.groovy"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("paper realism: latency 0 ms, volume share 0, reject probability 0 (seed 1) (off)")
                .contains("live         3 trades      7 fills  final equity 101,309.73  trades identical, equity identical")
                .contains("paper        3 trades      7 fills  final equity 101,309.73  trades identical, equity identical")
                .contains("zero differences");
    }

    static Stream<Arguments> realism() {
        return Stream.of(
                Arguments.of(TradeDiff.Cause.LATENCY, new String[] {"--latency-ms", "300000"}),
                Arguments.of(TradeDiff.Cause.REJECTION, new String[] {"--reject-prob", "0.3"}),
                Arguments.of(TradeDiff.Cause.PARTIAL_FILL, new String[] {"--volume-share", "0.05"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realism")
    void withPaperRealismOnEveryDifferenceIsLabelledWithItsCause(TradeDiff.Cause cause, String[] option) {
        int differences = 0;
        for (String strategy : STRATEGIES) {
            ParityCheck.Report r = parity(strategy, "data/ethusd_5m_2023-03-13.json", option);
            assertThat(r.liveDiffs()).as("the live run has no paper realism").isEmpty();
            for (TradeDiff.Difference d : r.paperDiffs()) {
                assertThat(d.cause()).as(strategy + " #" + d.number() + ": " + d.detail()).isEqualTo(cause);
                assertThat(d.reference().isPresent() || d.other().isPresent()).isTrue();
            }
            differences += r.paperDiffs().size();
        }
        assertThat(differences).as("paper realism changes some trades").isGreaterThan(3);
    }

    @Test
    void theParityCommandPrintsEachDifferenceWithItsLabelAndBothTrades() {
        var r = run("parity", path("strategies/bollinger_breakout.groovy"), "--data", path("data/ethusd_5m_2023-03-13.json"),
                "--lot", "0", "--reject-prob", "0.3");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("paper vs backtest:")
                .containsPattern("#1 +rejection +the entry was rejected in paper: rejected by the simulated broker \\(random rejection, p=0.3\\)")
                .contains("backtest LONG").contains("other    (no such trade)")
                .doesNotContain("live vs backtest:");
    }
}
