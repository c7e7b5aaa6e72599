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

    /** One view per definition, for strategies that read one series together; null gives each caller its own. */
    private final java.util.Map<String, Indicator> views;

    public SharedIndicators(IndicatorCache cache, BarSeries source, BarSeries visible) {
        this(cache, source, visible, null);
    }

    private SharedIndicators(IndicatorCache cache, BarSeries source, BarSeries visible, java.util.Map<String, Indicator> views) {
        this.cache = cache;
        this.source = source;
        this.visible = visible;
        this.views = views;
    }

    /**
     * Access for the strategies of a sweep's one pass, which all read {@code visible}: they get
     * the same view of an indicator, so its values are taken once per bar, not once per
     * combination. Not thread-safe: one pass runs on one thread.
     */
    public static SharedIndicators oneViewPerIndicator(IndicatorCache cache, BarSeries source, BarSeries visible) {
        return new SharedIndicators(cache, source, visible, new java.util.HashMap<>());
    }

    /** The indicator {@code definition} names, built over a series by {@code build}, shared across runs. */
    public Indicator get(String definition, Function<BarSeries, Indicator> build) {
        if (views == null) return cache.shared(source, visible, definition, build);
        Indicator view = views.get(definition);
        if (view == null) {
            view = cache.shared(source, visible, definition, build);
            views.put(definition, view);
        }
        return view;
    }
}
