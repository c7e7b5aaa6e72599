package io.tradeshell.dsl;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.model.BarSeries;

/**
 * A price series of the symbol a script runs on ({@code close}, {@code high}...), which knows
 * the run it belongs to, so {@code close.on('1d')} reads the symbol's own daily file when the
 * run has one, and shares the built timeframe with every other word that asks for it.
 */
public final class ScriptPrice extends PriceIndicator {
    private final Across across;

    ScriptPrice(BarSeries series, Column column, Across across) {
        super(series, column);
        this.across = across;
    }

    /** The series on a higher timeframe, known once each of its periods has closed: {@code close.on('1w')}. */
    public Indicator on(String timeframe) {
        return across.on(this, timeframe);
    }
}
