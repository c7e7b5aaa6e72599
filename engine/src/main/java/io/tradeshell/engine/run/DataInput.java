package io.tradeshell.engine.run;

import io.tradeshell.engine.model.BarSeries;

/** One symbol's loaded history and where it came from, for the run's summary. */
public record DataInput(BarSeries bars, String file, String sha256) {
    public String symbol() { return bars.symbol(); }
}
