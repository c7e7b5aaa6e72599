package io.tradeshell.shell.console.java;

import io.tradeshell.shell.console.chart.Figures;
import io.tradeshell.shell.console.groovy.Plots;
import io.tradeshell.shell.console.data.Dataset;
import io.tradeshell.shell.console.groovy.ScriptHost;
import io.tradeshell.shell.console.runs.SessionRun;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Java snippets reach of the console: the session's words ({@code load}, {@code backtest}, {@code chart}, {@code plot})
 * and the values the console shares with them. Java snippets run in this JVM, in a class loader
 * that delegates to the application's, so these statics are the console's own.
 */
public final class JavaBridge {
    private static final Map<String, Object> SHARED = new ConcurrentHashMap<>();
    private static volatile ScriptHost host;
    private static volatile Object captured;

    private JavaBridge() { }

    static void host(ScriptHost h) {
        host = h;
    }

    static void share(String name, Object value) {
        SHARED.put(name, value);
    }

    /** A value the console shared under {@code name}. */
    public static Object shared(String name) {
        return SHARED.get(name);
    }

    /** Hands a snippet's value back to the console, which prints it as it prints Groovy values. */
    public static void capture(Object value) {
        captured = value;
    }

    static Object takeCaptured() {
        Object v = captured;
        captured = null;
        return v;
    }

    /** {@code var aapl = load("data/aapl_daily_2013.csv");} */
    public static Dataset load(String file) {
        return host().load(file, Map.of());
    }

    /** {@code var bt = backtest("strategies/sma_crossover.groovy", aapl, Map.of("fast", 5));} */
    public static SessionRun backtest(String script, Dataset data, Map<String, ?> params) {
        return host().backtest(script, params, List.of(data));
    }

    public static SessionRun backtest(String script, Dataset data) {
        return host().backtest(script, Map.of(), List.of(data));
    }

    /** {@code chart(run1)}, {@code chart(run1, "price")}, {@code chart(sweep)}: as {@code chart(...)} in Groovy. */
    public static void chart(Object... args) {
        host().show(Figures.chart(host().charts(), Map.of(), args));
    }

    /** {@code plot(aapl, sma(aapl, 20))}: as {@code plot(...)} in Groovy. */
    public static void plot(Object... series) {
        host().show(Plots.plot(Map.of(), series));
    }

    private static ScriptHost host() {
        ScriptHost h = host;
        if (h == null) throw new IllegalStateException("the console is not running");
        return h;
    }
}
