package io.tradeshell.engine.strategy;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.IndicatorCache;
import io.tradeshell.engine.model.BarSeries;
import java.util.function.Function;

/** A run's access to indicators shared across a sweep, for one symbol. */
public final class SharedIndicators {
    private final IndicatorCache cache;
    private final BarSeries source;
    private final BarSeries visible;

    public SharedIndicators(IndicatorCache cache, BarSeries source, BarSeries visible) {
        this.cache = cache;
        this.source = source;
        this.visible = visible;
    }

    /** The indicator {@code definition} names, built over a series by {@code build}, shared across runs. */
    public Indicator get(String definition, Function<BarSeries, Indicator> build) {
        return cache.shared(source, visible, definition, build);
    }
}
