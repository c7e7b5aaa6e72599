package io.tradeshell.dsl;

import static io.tradeshell.dsl.ScriptBehaviourTest.NO_COSTS;
import static io.tradeshell.dsl.ScriptBehaviourTest.bars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradeshell.engine.risk.RiskLimits;
import io.tradeshell.engine.run.Backtest;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.engine.run.RunSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the strategy sandbox: each way a script could reach files, processes, reflection,
 * the engine's private state or state that outlives a run is refused when the script loads,
 * naming the script line. What a strategy legitimately needs still compiles and runs.
 */
class SandboxTest {

    private static ScriptException refusal(String source) {
        try {
            new StrategyCompiler().compile("cheat.groovy", "cheat.groovy", source);
        } catch (ScriptException e) {
            return e;
        }
        throw new AssertionError("the sandbox accepted:\n" + source);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            read the data file            | def rows = new File('data/aapl_daily_2013.csv').text                 | java.io.File is not allowed
            a file by coercion            | def f = ('data/aapl_daily_2013.csv' as File)                          | java.io.File is not allowed
            a path                        | def p = java.nio.file.Path.of('x')                                     | java.nio.file.Path is not allowed
            start a process               | 'ls'.execute()                                                         | java.lang.String.execute is not allowed
            exit the JVM                  | System.exit(0)                                                         | java.lang.System is not allowed
            read a system property        | def home = System.getProperty('user.home')                             | is not allowed
            a system property via Integer | def n = Integer.getInteger('x')                                        | 'getInteger' is not allowed
            the runtime                   | Runtime.getRuntime()                                                   | java.lang.Runtime is not allowed
            a thread                      | new Thread({ -> 1 } as Runnable).start()                               | is not allowed
            getClass                      | def c = close.getClass()                                               | 'getClass' is not allowed
            the class property            | def c = close.class                                                    | 'getClass' is not allowed
            a class by name               | Class.forName('java.lang.Runtime')                                     | is not allowed
            the metaclass                 | close.metaClass.value = { -> 1 }                                       | 'getMetaClass' is not allowed
            invokeMethod                  | invokeMethod('sma', null)                                              | 'invokeMethod' is not allowed
            the binding                   | def v = binding.variables                                              | groovy.lang.Binding is not allowed
            evaluate                      | evaluate('1 + 1')                                                      | 'evaluate' is not allowed
            a shell                       | new GroovyShell().evaluate('1')                                        | groovy.lang.GroovyShell is not allowed
            Eval                          | groovy.util.Eval.me('1')                                               | groovy.util.Eval is not allowed
            the properties of an object   | def p = bars.properties                                                | 'getProperties' is not allowed
            a private field               | def s = bars.@close                                                    | direct field access
            an object's field by name     | Object o = bars; def x = o['close']                                    | 'getAt' is not allowed
            a method pointer              | def m = bars.&close                                                    | method pointers
            append a bar                  | bars.append(0L, 1d, 1d, 1d, 1d, 1d)                                    | 'append' changes the engine's data
            the wall clock                | def t = java.time.Instant.now()                                        | 'now' is not allowed
            the default locale            | Locale.setDefault(Locale.GERMAN)                                       | 'setDefault' is not allowed
            the compiler                  | new io.tradeshell.dsl.StrategyCompiler()                               | io.tradeshell.dsl.StrategyCompiler is not allowed
            engine data loading           | io.tradeshell.engine.data.DataFiles.class                              | io.tradeshell.engine.data.DataFiles is not allowed
            a closure's owner             | onBar { def o = owner }                                                | 'owner' is not allowed
            a closure's delegate          | onBar { def d = delegate }                                             | 'delegate' is not allowed
            sleep                         | sleep(1000)                                                            | sleep is not allowed
            a class                       | class Cheat { }                                                        | classes are not allowed
            an anonymous class            | def r = new Object() { String toString() { 'x' } }                     | classes are not allowed
            a static field                | @groovy.transform.Field static Map memo = [:]                          | static fields are not allowed
            grab                          | @Grab('org.example:x:1') import org.example.X                          | @Grab is not allowed
            an AST test                   | @groovy.transform.ASTTest(value = { assert true }) def x = 1           | is not allowed
            an aliased transform import   | import groovy.transform.ASTTest as Field                               | is not allowed
            """)
    void refusedWhenTheScriptLoads(String attack, String line, String expected) {
        String source = "// " + attack + "\n" + line + "\n";
        ScriptException e = refusal(source);
        assertThat(e.getMessage()).startsWith("cheat.groovy:2: ").contains(expected);
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void theLanguageBasicsStillCompileAndRun() {
        String src = """
                import java.time.LocalDate
                import groovy.transform.Field
                params window: 3, label: 'x', weights: [1, 2, 3]
                @Field int barsSeen = 0
                def f = sma(close, window)

                int weighted(List<Integer> ws) { ws.withIndex().collect { w, i -> w * (i + 1) }.sum() as int }

                onBar {
                    barsSeen++
                    def names = ['b', 'a', 'c'].sort().join(',')
                    Map<String, Integer> counts = [a: 1]
                    counts.b = 2
                    int total = weighted(weights) + (counts.values().sum() as int)
                    def day = LocalDate.parse('2024-01-31').plusDays(1)
                    def big = new BigDecimal('1.5') * 2
                    def text = String.format('%s %.1f %s', names, Math.sqrt(16d), day)
                    if (index == 3) {
                        assert total == 17 && big == 3.0 && text == 'a,b,c 4.0 2024-02-01' && barsSeen == 4
                        assert (1..3).collect { it * it } == [1, 4, 9] && "$label-${index}" == 'x-3'
                        assert f.last() == 3.0 && close[1] == 3.0
                        buy(1)
                    }
                }
                """;
        RunResult r = ScriptBehaviourTest.run(src, Map.of(), bars("X", 1, 2, 3, 4, 5));
        assertThat(r.fills()).hasSize(1);
    }

    @Test
    void aRunawayOnBarIsStoppedWithinItsBudgetNamingTheLine() {
        String src = """
                onBar {
                    if (index == 2) {
                        while (true) { }
                    }
                }
                """;
        CompiledScript script = new StrategyCompiler().withBarBudget(Duration.ofMillis(200)).compile("loop.groovy", "loop.groovy", src);
        assertThatThrownBy(() -> Backtest.run(new RunSpec("loop.groovy", script.withParams(Map.of()),
                List.of(new DataInput(bars("X", 1, 2, 3, 4), "X", "")), NO_COSTS, 10_000, RiskLimits.none(), 1)))
                .isInstanceOf(ScriptException.class)
                .hasMessage("loop.groovy:3: ran longer than its budget of 200 ms (an endless loop?) (at bar 1970-01-03T00:00:00Z of X)");
        assertThat(Thread.currentThread().isInterrupted()).as("the budget's interrupt does not leak").isFalse();
    }

    @Test
    void aRunawayScriptBodyIsStoppedToo() {
        ScriptException e = assertThrows(() -> new StrategyCompiler().withBarBudget(Duration.ofMillis(100))
                .compile("body.groovy", "body.groovy", "def n = 0\nwhile (n >= 0) { n = 1 }\n"));
        assertThat(e.getMessage()).startsWith("body.groovy:2: ran longer than its budget of 100 ms");
    }

    @Test
    void theBudgetCountsComputingNotWaiting() {
        // a pause that is not the block's own work (a collection, a busy machine; here a sleep,
        // which only a trusted script can do) does not use up the budget, up to ten budgets long
        String src = "onBar { if (index == 1) Thread.sleep(400); if (index == 2) buy(1) }\n";
        CompiledScript script = StrategyCompiler.trusted().withBarBudget(Duration.ofMillis(100)).compile("wait.groovy", "wait.groovy", src);
        RunResult r = Backtest.run(new RunSpec("wait.groovy", script.withParams(Map.of()),
                List.of(new DataInput(bars("X", 1, 2, 3, 4), "X", "")), NO_COSTS, 10_000, RiskLimits.none(), 1));
        assertThat(r.fills()).hasSize(1);
    }

    @Test
    void aBlockThatWaitsTooLongIsStoppedAllTheSame() {
        String src = "onBar { if (index == 1) Thread.sleep(5_000) }\n";
        CompiledScript script = StrategyCompiler.trusted().withBarBudget(Duration.ofMillis(50)).compile("wait.groovy", "wait.groovy", src);
        assertThatThrownBy(() -> Backtest.run(new RunSpec("wait.groovy", script.withParams(Map.of()),
                List.of(new DataInput(bars("X", 1, 2, 3), "X", "")), NO_COSTS, 10_000, RiskLimits.none(), 1)))
                .isInstanceOf(ScriptException.class)
                .hasMessageStartingWith("wait.groovy:1: ran longer than its budget of 50 ms");
    }

    @Test
    void aTrustedScriptMayUseEverythingAndItsRunSaysSo() {
        String src = "def home = System.getProperty('user.home')\nonBar { if (index == 1) buy(1) }\n";
        CompiledScript script = StrategyCompiler.trusted().compile("mine.groovy", "mine.groovy", src);
        assertThat(script.sandboxed()).isFalse();
        RunResult r = Backtest.run(new RunSpec("mine.groovy", script.withParams(Map.of()),
                List.of(new DataInput(bars("X", 1, 2, 3), "X", "")), NO_COSTS, 10_000, RiskLimits.none(), 1));
        assertThat(r.assumptions()).anyMatch(a -> a.startsWith("TRUSTED: the strategy script ran outside the sandbox"));
        RunResult sandboxed = ScriptBehaviourTest.run("onBar { if (index == 1) buy(1) }", Map.of(), bars("X", 1, 2, 3));
        assertThat(sandboxed.assumptions()).noneMatch(a -> a.startsWith("TRUSTED"));
    }

    @Test
    void aFieldStartsFreshInEveryRun() {
        // instance state is per run: the same compiled script run twice trades the same way
        String src = """
                @groovy.transform.Field int seen = 0
                onBar { seen++; if (seen == 2) buy(1); if (seen == 4) sell() }
                """;
        CompiledScript script = new StrategyCompiler().compile("f.groovy", "f.groovy", src);
        List<RunResult> runs = java.util.stream.IntStream.range(0, 3).mapToObj(k -> Backtest.run(new RunSpec("f.groovy",
                script.withParams(Map.of()), List.of(new DataInput(bars("X", 1, 2, 3, 4, 5, 6), "X", "")), NO_COSTS, 10_000, RiskLimits.none(), 1))).toList();
        for (RunResult r : runs) assertThat(r.fills()).extracting(f -> f.price()).containsExactly(3.0, 5.0);
    }

    private static ScriptException assertThrows(Runnable r) {
        try {
            r.run();
        } catch (ScriptException e) {
            return e;
        }
        throw new AssertionError("no script error");
    }
}
