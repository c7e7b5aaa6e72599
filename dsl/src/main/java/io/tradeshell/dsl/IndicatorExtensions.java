package io.tradeshell.dsl;

import io.tradeshell.engine.indicators.ConstantIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.Indicators;
import io.tradeshell.engine.rules.Rule;
import io.tradeshell.engine.rules.Rules;

/**
 * Groovy operators on engine types, added as an extension module so the engine stays free of
 * Groovy: {@code fast - slow}, {@code atr * 2}, {@code close[1]} (one bar ago),
 * {@code rsi.value} (now), {@code ruleA & ruleB}, {@code ruleA | ruleB}, {@code ~rule}.
 */
public final class IndicatorExtensions {
    private IndicatorExtensions() { }

    public static Indicator plus(Indicator self, Indicator other) { return Indicators.plus(self, other); }
    public static Indicator plus(Indicator self, Number n) { return Indicators.plus(self, n.doubleValue()); }
    public static Indicator minus(Indicator self, Indicator other) { return Indicators.minus(self, other); }
    public static Indicator minus(Indicator self, Number n) { return Indicators.minus(self, n.doubleValue()); }
    public static Indicator multiply(Indicator self, Indicator other) { return Indicators.times(self, other); }
    public static Indicator multiply(Indicator self, Number n) { return Indicators.times(self, n.doubleValue()); }
    public static Indicator div(Indicator self, Indicator other) { return Indicators.dividedBy(self, other); }
    public static Indicator div(Indicator self, Number n) { return Indicators.dividedBy(self, n.doubleValue()); }
    public static Indicator negative(Indicator self) { return Indicators.times(self, -1.0); }

    public static Indicator plus(Number n, Indicator other) { return Indicators.plus(other, n.doubleValue()); }
    public static Indicator multiply(Number n, Indicator other) { return Indicators.times(other, n.doubleValue()); }
    public static Indicator minus(Number n, Indicator other) { return Indicators.minus(new ConstantIndicator(other.series(), n.doubleValue()), other); }
    public static Indicator div(Number n, Indicator other) { return Indicators.dividedBy(new ConstantIndicator(other.series(), n.doubleValue()), other); }

    /**
     * The value {@code barsAgo} bars before the newest closed bar: {@code close[0]} is now,
     * {@code close[1]} the bar before. A negative offset would be the future, and is refused.
     */
    public static double getAt(Indicator self, int barsAgo) {
        if (barsAgo < 0) throw new IllegalArgumentException("cannot read " + (-barsAgo) + " bar(s) into the future: use [0] for now, [1] for one bar ago");
        int i = ReadingBar.index(self, barsAgo);
        if (i < 0) throw new IllegalArgumentException("only " + (i + barsAgo + 1) + " bar(s) so far; " + barsAgo + " bar(s) ago does not exist yet");
        return self.value(i);
    }

    /** The value at the newest closed bar (inside a custom indicator's block, at the bar it is computing). */
    public static double getValue(Indicator self) {
        return self.value(ReadingBar.index(self, 0));
    }

    /** The series on a higher timeframe, known once each of its periods has closed: {@code close.on('1w')}. */
    public static Indicator on(Indicator self, String timeframe) {
        // a script's own price series knows its run (a longer file of the symbol, cached resampling)
        return self instanceof ScriptPrice price ? price.on(timeframe) : Across.onFresh(self, timeframe);
    }

    public static Rule and(Rule self, Rule other) { return Rules.and(self, other); }
    public static Rule or(Rule self, Rule other) { return Rules.or(self, other); }
    public static Rule bitwiseNegate(Rule self) { return Rules.not(self); }
}
