package io.tradeshell.dsl;

import groovy.lang.Closure;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.strategy.Sizing;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an entry's sizing: {@code qty: 10}, {@code percent: 25} of equity, {@code cash: 5000},
 * each also as an expression evaluated when the entry is decided ({@code qty: { ... }} or an
 * indicator); risk per trade {@code riskPercent: 1, stop: atr(14) * 2}; volatility targeting
 * {@code volTarget: 0.15, lookback: 20} (optionally {@code maxPercent: 100}).
 */
final class Sizes {
    private static final String OPTIONS = "qty, percent or cash; riskPercent with stop; volTarget with lookback";

    private Sizes() { }

    static Sizing from(Map<String, Object> options, String where, ScriptSession session) {
        if (options.isEmpty()) return new Sizing.Fixed(1);
        int line = ScriptErrors.lineIn(new Throwable(), session.scriptName);
        if (options.containsKey("riskPercent")) return riskPerTrade(options, where, session, line);
        if (options.containsKey("volTarget")) return volatilityTarget(options, where, session, line);
        if (options.size() > 1) throw new IllegalArgumentException(where + " takes one sizing option (" + OPTIONS + "), got " + options.keySet());
        var e = options.entrySet().iterator().next();
        String unit = e.getKey();
        if (!Set.of("qty", "percent", "cash").contains(unit)) {
            throw new IllegalArgumentException(where + " has no option '" + unit + "' (use " + OPTIONS + ")");
        }
        Object value = e.getValue();
        if (value instanceof Number n) return constant(unit, n.doubleValue(), where, session.context.maxLeverage());
        if (value instanceof Indicator || value instanceof Closure<?>) {
            Amount amount = new Amount(where + " " + unit, value, session, line);
            int unstable = value instanceof Indicator i ? i.unstableBars() : 0;
            return new Sizing.Computed((equity, price, lot) -> convert(unit, amount.evaluate(), equity, price, lot), unstable);
        }
        throw new IllegalArgumentException(where + " " + unit + " must be a number, an indicator or an expression { ... }, got " + describe(value));
    }

    /** @param maxLeverage the account's leverage: {@code percent} above 100 x leverage is refused; NaN while a script is checked at load time */
    private static Sizing constant(String unit, double v, String where, double maxLeverage) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(where + " " + unit + " must be a positive number, got " + v);
        return switch (unit) {
            case "qty" -> {
                io.tradeshell.engine.order.OrderRequest.checkQuantity(v);
                yield new Sizing.Fixed(v);
            }
            case "percent" -> {
                if (v > 100 * maxLeverage) {
                    throw new IllegalArgumentException(where + " percent: " + trim(v) + " is more than the account can hold: at most "
                            + trim(100 * maxLeverage) + " with max leverage " + trim(maxLeverage) + " (raise it with --max-leverage or risk maxLeverage:)");
                }
                yield new Sizing.PercentOfEquity(v / 100.0);
            }
            default -> new Sizing.CashAmount(v);
        };
    }

    /** Units for {@code amount} read as {@code unit}; 0 means no entry. */
    private static double convert(String unit, double amount, double equity, double price, double lot) {
        if (amount == 0) return 0;
        return switch (unit) {
            case "qty" -> Sizing.wholeLots(amount, lot);
            case "percent" -> new Sizing.PercentOfEquity(amount / 100.0).quantity(equity, price, lot);
            default -> new Sizing.CashAmount(amount).quantity(equity, price, lot);
        };
    }

    private static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static Sizing riskPerTrade(Map<String, Object> options, String where, ScriptSession session, int line) {
        only(options, where, List.of("riskPercent", "stop"), "riskPercent");
        double percent = positive(options.get("riskPercent"), where + " riskPercent");
        if (percent > 100) throw new IllegalArgumentException(where + " riskPercent is a percentage of equity up to 100, got " + percent);
        if (!options.containsKey("stop")) {
            throw new IllegalArgumentException(where + " riskPercent needs the stop distance it risks against: riskPercent: 1, stop: atr(14) * 2");
        }
        Indicator stop = session.script.indicator(options.get("stop"));
        return guarded(new Sizing.RiskPerTrade(percent / 100.0, stop), where + " riskPercent", session, line);
    }

    private static Sizing volatilityTarget(Map<String, Object> options, String where, ScriptSession session, int line) {
        only(options, where, List.of("volTarget", "lookback", "maxPercent"), "volTarget");
        double target = positive(options.get("volTarget"), where + " volTarget");
        int lookback = options.containsKey("lookback") ? StrategyScript.length(where + " lookback", (Number) number(options.get("lookback"), where + " lookback")) : 20;
        double cap = options.containsKey("maxPercent") ? positive(options.get("maxPercent"), where + " maxPercent") : 100;
        return guarded(new Sizing.VolatilityTarget(target, session.script.getClose(), lookback, cap / 100.0), where + " volTarget", session, line);
    }

    /** An engine sizing whose failures at a bar read as the script's, naming its line and the bar. */
    private static Sizing guarded(Sizing inner, String what, ScriptSession session, int line) {
        return new Sizing.Computed((equity, price, lot) -> {
            try {
                return inner.quantity(equity, price, lot);
            } catch (IllegalStateException e) {
                throw new ScriptException(session.scriptName, line, what + ": " + e.getMessage() + " (" + atBar(session) + ")", e);
            }
        }, inner.unstableBars());
    }

    private static void only(Map<String, Object> options, String where, List<String> allowed, String main) {
        for (String k : options.keySet()) {
            if (!allowed.contains(k)) throw new IllegalArgumentException(where + " " + main + " cannot be combined with '" + k + "' (it takes " + allowed + ")");
        }
    }

    private static Object number(Object v, String what) {
        if (v instanceof Number) return v;
        throw new IllegalArgumentException(what + " must be a number, got " + describe(v));
    }

    private static double positive(Object v, String what) {
        double d = ((Number) number(v, what)).doubleValue();
        if (!(d > 0) || Double.isInfinite(d)) throw new IllegalArgumentException(what + " must be a positive number, got " + d);
        return d;
    }

    static String describe(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName() + " '" + v + "'";
    }

    static String atBar(ScriptSession session) {
        var bars = session.context.bars();
        return "at bar " + Instant.ofEpochMilli(bars.openTime(bars.lastIndex())) + " of " + session.context.symbol();
    }

    /**
     * A sizing amount evaluated at the decision bar: an indicator's value there, or what an
     * expression returns (a number, or an indicator read there) with the account as its delegate.
     */
    private static final class Amount {
        private final String what;
        private final Object source;
        private final ScriptSession session;
        private final int line;
        private Closure<?> expression;

        Amount(String what, Object source, ScriptSession session, int line) {
            this.what = what;
            this.source = source;
            this.session = session;
            this.line = line;
        }

        double evaluate() {
            Object v = source;
            if (source instanceof Closure<?> c) {
                try {
                    Closure<?> expression = bound(c);
                    v = session.budget.call(expression::call);
                } catch (ScriptException e) {
                    throw e;
                } catch (Throwable t) {
                    throw ScriptErrors.runtimeError(session.scriptName, t, session.params.keySet(), atBar(session));
                }
            }
            if (v instanceof Indicator i) v = i.last();
            if (!(v instanceof Number n)) throw fail("must be a number, got " + describe(v));
            double d = n.doubleValue();
            if (Double.isNaN(d)) throw fail("is NaN (an indicator still warming up, or 0 / 0?)");
            if (Double.isInfinite(d)) throw fail("is infinite (a division by zero?)");
            if (d < 0) throw fail("must not be negative, got " + d);
            return d;
        }

        private Closure<?> bound(Closure<?> c) {
            if (expression == null) {
                expression = c.rehydrate(new SizingScope(session.context), c.getOwner(), c.getThisObject());
                expression.setResolveStrategy(Closure.DELEGATE_FIRST);
            }
            return expression;
        }

        private ScriptException fail(String problem) {
            return new ScriptException(session.scriptName, line, what + " " + problem + " (" + atBar(session) + ")", null);
        }

    }
}
