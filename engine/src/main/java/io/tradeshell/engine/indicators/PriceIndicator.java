package io.tradeshell.engine.indicators;

import io.tradeshell.engine.model.BarSeries;

/**
 * One column of the bars: open, high, low, close or volume. Reads straight from the series.
 * Not final: the DSL's price series also know their symbol's higher timeframes.
 */
public class PriceIndicator extends Indicator {
    public enum Column { OPEN, HIGH, LOW, CLOSE, VOLUME }

    private final Column column;

    public PriceIndicator(BarSeries series, Column column) {
        super(series);
        this.column = column;
    }

    public Column column() {
        return column;
    }

    /** Whether values are prices with {@link BarSeries#priceScale()} decimals, so exact sums apply. */
    public boolean hasExactScale() {
        return column != Column.VOLUME && series.priceScale() >= 0 && series.priceScale() <= 8;
    }

    @Override
    protected final double calculate(int i) {
        return price(i);
    }

    /** The column's value at bar {@code i}, read straight from the series without caching. */
    public final double price(int i) {
        return switch (column) {
            case OPEN -> series.open(i);
            case HIGH -> series.high(i);
            case LOW -> series.low(i);
            case CLOSE -> series.close(i);
            case VOLUME -> series.volume(i);
        };
    }

    @Override
    protected boolean pointwise() {
        return true;
    }

    @Override
    public int unstableBars() {
        return 0;
    }

    @Override
    public String toString() {
        return column.name().toLowerCase();
    }
}
