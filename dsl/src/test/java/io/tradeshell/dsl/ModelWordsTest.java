package io.tradeshell.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.data.MarketData;
import io.tradeshell.engine.learning.ModelFolder;
import io.tradeshell.engine.learning.ModelReport;
import io.tradeshell.engine.learning.SavedModels;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.LiveRun;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped ML strategy on the bundled XLK bars: trained walk-forward in a backtest and a
 * live replay with the same predictions and trades, reusable from its saved models, and the
 * words' mistakes reported on the script's line.
 */
class ModelWordsTest {
    private static final Path ROOT = root();
    private static BarSeries xlk;
    private static CompiledScript shipped;
    private static RunResult backtest;

    @BeforeAll
    static void runTheShippedStrategy() throws Exception {
        xlk = MarketData.load(ROOT.resolve("data/sectors/xlk_daily_2019-2026.json"), LoadOptions.defaults().withSymbol("XLK")).series();
        shipped = new StrategyCompiler().compile("ml_direction.groovy", "strategies/ml_direction.groovy",
                Files.readString(ROOT.resolve("strategies/ml_direction.groovy")));
        backtest = Backtest.run(spec(SavedModels.NONE));
    }

    private static RunSpec spec(SavedModels saved) {
        return new RunSpec("ml_direction.groovy", shipped.withParams(Map.of(), saved), List.of(new DataInput(xlk, "xlk.json", "")),
                OrderHonestyTest.COSTS, 100_000, RiskLimits.none(), 1);
    }

    @Test
    void theShippedStrategyTrainsEveryThreeMonthsOnTwoYearsWithoutLeakingAndTrades() {
        ModelReport report = backtest.models().getFirst();
        assertThat(report.name()).isEqualTo("dir");
        assertThat(report.features()).containsExactly("ROC(close, 5)", "ROC(close, 20)", "RSI(close, 14)", "ZScore(close, 20)",
                "StdDev(ROC(close, 1), 20)");
        assertThat(report.leaks()).isFalse();
        // 2019-01-02 .. 2026-07-10: the first fit once two years have passed, then one a quarter
        assertThat(report.windows()).hasSizeBetween(21, 23);
        for (ModelReport.Window w : report.windows()) {
            assertThat(w.training().latestLabelTime()).isLessThanOrEqualTo(w.training().firstPredictionTime());
            assertThat(w.training().embargoBars()).isGreaterThanOrEqualTo(5);
        }
        assertThat(backtest.fills()).isNotEmpty();
        assertThat(backtest.warmupBars()).isLessThan(100);
    }

    @Test
    void aLiveReplayMakesTheSamePredictionsAndTrades() {
        RunResult live = LiveRun.of(spec(SavedModels.NONE), Backtest.barFeed(spec(SavedModels.NONE))).run();
        assertThat(live.models().getFirst().asMap()).isEqualTo(backtest.models().getFirst().asMap());
        assertThat(live.fills()).extracting(Fill::time, Fill::qty, Fill::price)
                .isEqualTo(backtest.fills().stream().map(f -> org.assertj.core.groups.Tuple.tuple(f.time(), f.qty(), f.price())).toList());
    }

    @Test
    void savedModelsReusedGiveTheSameTradesWithoutFitting(@TempDir Path run) throws Exception {
        ModelFolder.write(run, backtest.models().getFirst());
        RunResult reused = Backtest.run(spec(ModelFolder.open(run)));
        assertThat(reused.fills()).isEqualTo(backtest.fills());
        assertThat(reused.trades()).isEqualTo(backtest.trades());
        List<ModelReport.Window> windows = reused.models().getFirst().windows();
        assertThat(windows).allMatch(w -> w.training().reused());
        assertThat(windows).extracting(w -> w.training().sha256())
                .isEqualTo(backtest.models().getFirst().windows().stream().map(w -> w.training().sha256()).toList());
    }

    @Test
    void mistakesNameTheLine() {
        String base = "model 'dir', features: [rsi(14)], label: forwardReturn(5) > 0, learner: trees(depth: 3), train: '2y', retrain: ";
        assertThatThrownBy(() -> compile(base + "'3m'"))
                .isInstanceOf(ScriptException.class).hasMessageContaining("t.groovy:1:").hasMessageContaining("write '3mo' for months");
        assertThatThrownBy(() -> compile(base + "'3mo'\nbuyWhen over(prob('dri'), 0.6)"))
                .hasMessageContaining("t.groovy:2:").hasMessageContaining("no model 'dri' declared before this line (models: dir)");
        assertThatThrownBy(() -> compile(base + "'3mo', horizon: 4"))
                .hasMessageContaining("t.groovy:1:").hasMessageContaining("model 'dir' has no option 'horizon'");
        assertThatThrownBy(() -> compile("model 'dir', features: [rsi(14)], label: 5, learner: trees(), train: '2y', retrain: '3mo'"))
                .hasMessageContaining("model 'dir' needs label: such as label: forwardReturn(5) > 0, got 5");
        assertThatThrownBy(() -> compile("def l = forest(leaves: 3)")).hasMessageContaining("forest has no setting 'leaves' (settings: depth, trees)");
        assertThatThrownBy(() -> compile("def l = logistic(l2: 0.01)")).hasMessageContaining("logistic has no setting 'l2' (it takes none)");
    }

    @Test
    void aLabelBelowAThresholdAndNamedFeaturesAreWords() {
        CompiledScript c = compile("""
                def m = model 'down', features: [mom: roc(close, 10), vol: stddev(close, 10)], label: forwardReturn(3) < -0.01,
                    learner: logistic(), train: '300 bars', retrain: '60 bars', embargo: 0
                shortWhen over(m, 0.6), qty: 1
                coverWhen under(prob('down'), 0.5)
                """);
        ModelReport report = Backtest.run(new RunSpec("t.groovy", c.withParams(Map.of()), List.of(new DataInput(xlk, "xlk.json", "")),
                OrderHonestyTest.COSTS, 100_000, RiskLimits.none(), 1)).models().getFirst();
        assertThat(report.features()).containsExactly("mom", "vol");
        assertThat(report.label().toString()).isEqualTo("forwardReturn(3) < -0.01");
        assertThat(report.schedule().orElseThrow().embargoBars()).isZero();
        assertThat(report.learner()).isEqualTo("logistic()");
        assertThat(report.windows()).isNotEmpty().allMatch(w -> w.training().embargoBars() == 0);
    }

    private static CompiledScript compile(String source) {
        return new StrategyCompiler().compile("t.groovy", "t.groovy", source);
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(dir.resolve("data/aapl_daily_2013.csv"))) dir = dir.getParent();
        return dir;
    }
}
