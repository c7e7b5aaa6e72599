package io.tradeshell.shell.console.runs;

import io.tradeshell.shell.app.trading.RunOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The run settings of this session ({@code set cash 50000}): every run and backtest started in
 * the console uses them unless its own options say otherwise.
 */
public final class SessionDefaults {
    /** A setting: its name, the run option it stands for, and what it means. */
    public enum Setting {
        CASH("cash", "--cash", "starting cash", "100000"),
        COMMISSION("commission", "--commission", "0.001 (0.1% of notional), pct:0.001, share:0.005:1 or order:1", "0.001"),
        SLIPPAGE("slippage", "--slippage-bps", "slippage on market and stop fills, in basis points", "5"),
        FILL("fill", "--fill", "next-open (realistic) or close (optimistic)", "next-open"),
        TRUST("trust", "--trust", "on runs strategy scripts outside the sandbox (your own scripts that need files or libraries; runs say so)", "off"),
        BAR_BUDGET("budget", "--bar-budget", "longest a script's onBar may take for one bar (1s, 500ms)", "1s");

        public final String key;
        public final String option;
        public final String meaning;
        public final String initial;

        Setting(String key, String option, String meaning, String initial) {
            this.key = key;
            this.option = option;
            this.meaning = meaning;
            this.initial = initial;
        }

        public static Optional<Setting> find(String key) {
            String k = key.toLowerCase(Locale.ROOT);
            for (Setting s : values()) if (s.key.equals(k) || s.option.equals(k)) return Optional.of(s);
            return Optional.empty();
        }

        public static List<String> keys() {
            return java.util.Arrays.stream(values()).map(s -> s.key).toList();
        }
    }

    private final Map<Setting, String> values = new LinkedHashMap<>();

    public SessionDefaults() {
        for (Setting s : Setting.values()) values.put(s, s.initial);
    }

    /** Sets a value after checking that a run would accept it. */
    public void set(Setting setting, String value) {
        RunOptions probe = new RunOptions();
        apply(probe, setting, value.trim());
        probe.execution();
        if (!(probe.cash > 0)) throw new IllegalArgumentException("cash must be positive, got " + value);
        values.put(setting, value.trim());
    }

    public String get(Setting setting) {
        return values.get(setting);
    }

    public Map<Setting, String> all() {
        return new LinkedHashMap<>(values);
    }

    /** Writes the session's values into {@code options} where the user gave no option of their own. */
    public void applyTo(RunOptions options, Predicate<String> givenOnCommandLine) {
        for (var e : values.entrySet()) {
            if (!givenOnCommandLine.test(e.getKey().option)) apply(options, e.getKey(), e.getValue());
        }
    }

    /** Fresh run options carrying the session's values. */
    public RunOptions options() {
        RunOptions o = new RunOptions();
        applyTo(o, name -> false);
        return o;
    }

    private static void apply(RunOptions o, Setting s, String value) {
        switch (s) {
            case CASH -> o.cash = number(s, value);
            case COMMISSION -> o.commission = value;
            case SLIPPAGE -> o.slippageBps = number(s, value);
            case FILL -> o.fill = value;
            case TRUST -> o.trust = onOff(s, value);
            case BAR_BUDGET -> {
                io.tradeshell.dsl.StrategyCompiler.parseBarBudget(value);
                o.barBudget = value;
            }
        }
    }

    private static boolean onOff(Setting s, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException(s.key + " is on or off, got '" + value + "'");
        };
    }

    private static double number(Setting s, String value) {
        try {
            return Double.parseDouble(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s.key + " needs a number, got '" + value + "'");
        }
    }
}
