package io.tradeshell.engine.strategy;

import io.tradeshell.engine.indicators.Indicator;
import java.util.List;

/** A strategy that can name the indicators worth drawing over its price chart. */
public interface Overlays {
    /** An indicator on the price scale, with the name a chart legend shows. */
    record Overlay(String name, Indicator indicator) { }

    List<Overlay> overlays();
}
