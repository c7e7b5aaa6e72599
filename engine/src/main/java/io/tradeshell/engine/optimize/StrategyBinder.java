package io.tradeshell.engine.optimize;

import io.tradeshell.engine.strategy.StrategyFactory;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns parameter values into a strategy: a compiled script's {@code withParams}, or a plain
 * Java factory in tests. {@link #bind} must be safe to call from several threads at once and
 * return independent factories.
 */
public interface StrategyBinder {
    /** The strategy's file or name, for error messages. */
    String name();

    /** The declared parameters with their defaults, in declaration order. */
    Map<String, Object> defaults();

    /** A factory with these overrides; fails with a clear message for a bad name or value. */
    StrategyFactory bind(Map<String, Object> params);

    /** What identifies the strategy's code (such as its file's SHA-256), so a resumed sweep is the same sweep. */
    default String fingerprint() { return ""; }

    static StrategyBinder of(String name, Map<String, Object> defaults, String fingerprint,
                             Function<Map<String, Object>, StrategyFactory> bind) {
        Objects.requireNonNull(bind);
        Map<String, Object> declared = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defaults));
        return new StrategyBinder() {
            public String name() { return name; }
            public Map<String, Object> defaults() { return declared; }
            public StrategyFactory bind(Map<String, Object> params) { return bind.apply(params); }
            public String fingerprint() { return fingerprint; }
        };
    }
}
