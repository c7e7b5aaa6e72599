package io.tradeshell.engine.timeframe;

import io.tradeshell.engine.indicators.SourceClock;
import io.tradeshell.engine.model.BarSeries;

/** The bars of a higher timeframe of one symbol that are complete so far, and when each became known. */
public interface TimeframeBars extends SourceClock {
    /** The completed bars; the series grows as the run goes on, and never holds one still in progress. */
    BarSeries bars();
}
