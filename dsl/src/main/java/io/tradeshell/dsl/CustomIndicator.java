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

    /** How its bars are named in a message: "bar", or "1w bar" for an indicator of a {@code timeframe('1w') { }} block. */
    private final String barWord;
    /** The timeframe whose completed bars it is computed on, or null for the symbol's own bars. */
    private final io.tradeshell.engine.timeframe.TimeframeBars frame;
    private final String frameText;

    CustomIndicator(ScriptSession session, String name, Closure<?> block, int warmup, int line) {
        super(session.bars());
        this.frame = session.frame;
        this.frameText = session.frameText;
        this.barWord = frame == null ? "bar" : frameText + " bar";
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
        // the block's words (close, high...) mean the bars it is computed on, as where it was declared
        var outerFrame = session.frame;
        String outerText = session.frameText;
        session.frame = frame;
        session.frameText = frameText;
        try {
            out = session.budget.call(() -> withPrevious ? block.call(index == 0 ? null : value(index - 1), bar) : block.call(bar));
        } catch (Throwable t) {
            throw ScriptErrors.runtimeError(session.scriptName, t, List.copyOf(session.params.keySet()), where(index));
        } finally {
            session.frame = outerFrame;
            session.frameText = outerText;
        }
        if (out instanceof Number n) return n.doubleValue();
        if (out instanceof Boolean b) return b ? 1 : 0;
        throw new ScriptException(session.scriptName, line, "indicator '" + name + "' must give a number (Double.NaN while it warms up), got "
                + (out == null ? "nothing" : out.getClass().getSimpleName() + " " + out) + " (" + where(index) + ")", null);
    }

    private String where(int index) {
        return "in indicator '" + name + "' at " + barWord + " " + Instant.ofEpochMilli(series.openTime(index)) + " of " + series.symbol();
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
