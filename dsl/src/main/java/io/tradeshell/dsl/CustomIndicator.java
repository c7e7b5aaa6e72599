package io.tradeshell.dsl;

import groovy.lang.Closure;
import io.tradeshell.engine.indicators.Indicator;
import java.time.Instant;
import java.util.List;

/**
 * An indicator whose value at each bar is what a script's block returns for it:
 * {@code indicator('range') { bar -> bar.high - bar.low }}. The block is called once per bar, in
 * order, as the bar closes (the strategy asks for each value then), and its value is kept like
 * any other indicator's; it reads other indicators as of that bar ({@link ReadingBar}), so it
 * never sees a bar that has not closed. A failure in the block names its script line and the bar.
 */
final class CustomIndicator extends Indicator {
    private final String name;
    private final Closure<?> block;
    private final boolean withPrevious;
    private final int warmup;
    private final IndicatorBar bar;
    private final ScriptSession session;
    /** The script line that declared the indicator, for a value that is not a number. */
    private final int line;
    private boolean computing;

    CustomIndicator(ScriptSession session, String name, Closure<?> block, int warmup, int line) {
        super(session.context.bars());
        this.session = session;
        this.name = name;
        this.block = block;
        this.withPrevious = block.getMaximumNumberOfParameters() >= 2;
        this.warmup = warmup;
        this.line = line;
        this.bar = new IndicatorBar(series, this);
    }

    @Override
    protected double calculate(int index) {
        if (computing) {
            throw new ScriptException(session.scriptName, line, "indicator '" + name + "' reads its own value at the bar it is computing"
                    + " (" + where(index) + "); its earlier values are bar.prev and bar.ago(n)", null);
        }
        computing = true;
        try {
            return ReadingBar.at(series, index, this::call);
        } finally {
            computing = false;
        }
    }

    private double call(int index) {
        bar.index = index;
        Object out;
        try {
            out = session.budget.call(() -> withPrevious ? block.call(index == 0 ? null : value(index - 1), bar) : block.call(bar));
        } catch (Throwable t) {
            throw ScriptErrors.runtimeError(session.scriptName, t, List.copyOf(session.params.keySet()), where(index));
        }
        if (out instanceof Number n) return n.doubleValue();
        if (out instanceof Boolean b) return b ? 1 : 0;
        throw new ScriptException(session.scriptName, line, "indicator '" + name + "' must give a number (Double.NaN while it warms up), got "
                + (out == null ? "nothing" : out.getClass().getSimpleName() + " " + out) + " (" + where(index) + ")", null);
    }

    private String where(int index) {
        return "in indicator '" + name + "' at bar " + Instant.ofEpochMilli(series.openTime(index)) + " of " + series.symbol();
    }

    @Override
    public int unstableBars() {
        return warmup;
    }

    @Override
    public String toString() {
        return name;
    }
}
