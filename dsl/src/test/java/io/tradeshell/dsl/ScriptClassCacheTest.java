package io.tradeshell.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.data.LoadOptions;
import io.tradeshell.engine.data.MarketData;
import io.tradeshell.engine.execution.CommissionModel;
import io.tradeshell.engine.execution.ExecutionSettings;
import io.tradeshell.engine.execution.FillTiming;
import io.tradeshell.engine.execution.Slippage;
import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled-script cache: a script taken from it runs exactly as a fresh compile does; a
 * changed script, the other sandbox policy or a damaged entry compiles again; a script that does
 * not compile or validate is never kept.
 */
class ScriptClassCacheTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path AAPL = ROOT.resolve("data/aapl_daily_2013.csv");

    @TempDir
    Path cacheDir;

    @Test
    void aScriptFromTheCacheMakesTheSameRunAsAFreshCompile() throws IOException {
        Path script = ROOT.resolve("strategies/sma_crossover.groovy");
        ScriptClassCache cache = ScriptClassCache.in(cacheDir);
        CompiledScript uncached = new StrategyCompiler().compile(script);
        CompiledScript first = new StrategyCompiler().withCache(cache).compile(script);
        CompiledScript second = new StrategyCompiler().withCache(cache).compile(script);

        assertThat(uncached.fromCache()).isFalse();
        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isTrue();
        assertThat(entries()).hasSize(1);
        assertThat(second.title()).isEqualTo(uncached.title());
        assertThat(second.defaults()).isEqualTo(uncached.defaults());

        // the script's quantity closure (a class of its own) runs too: percent sizing
        RunResult expected = run(uncached), cached = run(second);
        assertThat(expected.trades()).isNotEmpty();
        assertThat(cached.trades()).isEqualTo(expected.trades());
        assertThat(cached.fills()).isEqualTo(expected.fills());
        assertThat(cached.curve().equity()).containsExactly(expected.curve().equity());
        assertThat(cached.openPositions()).isEqualTo(expected.openPositions());
    }

    @Test
    void aChangedScriptCompilesAgain() throws IOException {
        Path script = cacheDir.resolve("work").resolve("cross.groovy");
        Files.createDirectories(script.getParent());
        ScriptClassCache cache = ScriptClassCache.in(cacheDir.resolve("cache"));
        Files.writeString(script, "params fast: 10, slow: 30\nbuyWhen crossedOver(sma(close, fast), sma(close, slow))\n");
        assertThat(new StrategyCompiler().withCache(cache).compile(script).defaults()).containsEntry("fast", 10);
        assertThat(new StrategyCompiler().withCache(cache).compile(script).fromCache()).isTrue();

        Files.writeString(script, "params fast: 5, slow: 30\nbuyWhen crossedOver(sma(close, fast), sma(close, slow))\n");
        CompiledScript changed = new StrategyCompiler().withCache(cache).compile(script);
        assertThat(changed.fromCache()).isFalse();
        assertThat(changed.defaults()).containsEntry("fast", 5);
    }

    @Test
    void sandboxedAndTrustedCompilesKeepEntriesOfTheirOwn() {
        ScriptClassCache cache = ScriptClassCache.in(cacheDir);
        String source = "buyWhen crossedOver(sma(close, 5), sma(close, 20))\n";
        assertThat(new StrategyCompiler().withCache(cache).compile("s.groovy", "s.groovy", source).fromCache()).isFalse();
        CompiledScript trusted = StrategyCompiler.trusted().withCache(cache).compile("s.groovy", "s.groovy", source);
        assertThat(trusted.fromCache()).isFalse();
        assertThat(trusted.sandboxed()).isFalse();
        assertThat(StrategyCompiler.trusted().withCache(cache).compile("s.groovy", "s.groovy", source).fromCache()).isTrue();
        // a script the sandbox refuses is refused however often a trusted compile of it was kept
        String refused = "def f = new File('/etc/passwd')\nbuyWhen crossedOver(sma(close, 5), sma(close, 20))\n";
        StrategyCompiler.trusted().withCache(cache).compile("r.groovy", "r.groovy", refused);
        assertThatThrownBy(() -> new StrategyCompiler().withCache(cache).compile("r.groovy", "r.groovy", refused))
                .isInstanceOf(ScriptException.class)
                .satisfies(e -> assertThat(((ScriptException) e).line()).isEqualTo(1));
    }

    @Test
    void theSameTextUnderAnotherFileNameIsAnotherEntry() {
        ScriptClassCache cache = ScriptClassCache.in(cacheDir);
        String source = "buyWhen crossedOver(sma(close, 5), sma(close, 20))\n";
        new StrategyCompiler().withCache(cache).compile("a.groovy", "a.groovy", source);
        CompiledScript b = new StrategyCompiler().withCache(cache).compile("b.groovy", "b.groovy", source);
        assertThat(b.fromCache()).isFalse();
        assertThat(b.title()).isEqualTo("b");
    }

    @Test
    void aDamagedEntryIsCompiledAgainAndReplaced() throws IOException {
        ScriptClassCache cache = ScriptClassCache.in(cacheDir);
        String source = "title 'damaged'\nbuyWhen crossedOver(sma(close, 5), sma(close, 20))\n";
        new StrategyCompiler().withCache(cache).compile("d.groovy", "d.groovy", source);
        Path entry = entries().get(0);
        byte[] whole = Files.readAllBytes(entry);
        for (int cut : new int[] {0, 5, whole.length / 2, whole.length - 1}) {
            Files.write(entry, java.util.Arrays.copyOf(whole, cut));
            CompiledScript again = new StrategyCompiler().withCache(cache).compile("d.groovy", "d.groovy", source);
            assertThat(again.fromCache()).as("cut at %d", cut).isFalse();
            assertThat(again.title()).isEqualTo("damaged");
            assertThat(Files.readAllBytes(entry)).isEqualTo(whole);
        }
        // another script's entry under this key is not taken for it
        new StrategyCompiler().withCache(cache).compile("e.groovy", "e.groovy", source.replace("damaged", "other"));
        Path other = entries().stream().filter(p -> !p.equals(entry)).findFirst().orElseThrow();
        Files.copy(other, entry, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CompiledScript again = new StrategyCompiler().withCache(cache).compile("d.groovy", "d.groovy", source);
        assertThat(again.fromCache()).isFalse();
        assertThat(again.title()).isEqualTo("damaged");
    }

    @Test
    void scriptsThatFailAreNeverKept() throws IOException {
        ScriptClassCache cache = ScriptClassCache.in(cacheDir);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> new StrategyCompiler().withCache(cache).compile("bad.groovy", "bad.groovy", "buyWhen crossedOver(\n"))
                    .isInstanceOf(ScriptException.class);
            assertThatThrownBy(() -> new StrategyCompiler().withCache(cache).compile("body.groovy", "body.groovy",
                    "params fast: 10\nthrow new IllegalStateException('no')\n"))
                    .isInstanceOf(ScriptException.class)
                    .satisfies(e -> assertThat(((ScriptException) e).line()).isEqualTo(2));
        }
        assertThat(entries()).isEmpty();
    }

    @Test
    void noCacheMeansNoFiles() {
        CompiledScript c = new StrategyCompiler().withCache(ScriptClassCache.NONE).compile("n.groovy", "n.groovy", "buyWhen crossedOver(sma(close, 5), sma(close, 20))\n");
        assertThat(c.fromCache()).isFalse();
        assertThat(new StrategyCompiler().withCache(ScriptClassCache.NONE).compile("n.groovy", "n.groovy", "buyWhen crossedOver(sma(close, 5), sma(close, 20))\n").fromCache()).isFalse();
    }

    private List<Path> entries() throws IOException {
        if (!Files.isDirectory(cacheDir)) return List.of();
        try (Stream<Path> files = Files.walk(cacheDir)) {
            return files.filter(p -> p.toString().endsWith(".classes")).sorted().toList();
        }
    }

    private static RunResult run(CompiledScript script) {
        var loaded = MarketData.load(AAPL, LoadOptions.defaults());
        var spec = new RunSpec("sma_crossover.groovy", script.withParams(Map.of()),
                List.of(new DataInput(loaded.series(), "aapl", loaded.sha256())),
                new ExecutionSettings(FillTiming.NEXT_OPEN, new CommissionModel.PercentOfNotional(0.001), Slippage.NONE, 0, 0, 0, 1),
                100_000, RiskLimits.none(), 1);
        return Backtest.run(spec);
    }
}
