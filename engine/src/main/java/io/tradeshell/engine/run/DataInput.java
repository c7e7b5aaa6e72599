package io.tradeshell.engine.run;

import io.tradeshell.engine.model.BarSeries;

/**
 * One symbol's loaded history and where it came from, for the run's summary.
 *
 * @param notes what loading changed that the run must say (an unfinished last bar left out)
 */
public record DataInput(BarSeries bars, String file, String sha256, java.util.List<String> notes) {
    public DataInput {
        notes = java.util.List.copyOf(notes);
    }

    public DataInput(BarSeries bars, String file, String sha256) {
        this(bars, file, sha256, java.util.List.of());
    }

    public String symbol() { return bars.symbol(); }

    /** When the data of {@code inputs} ends: the latest close of their last bars; Long.MIN_VALUE without bars. */
    public static long end(java.util.List<DataInput> inputs) {
        long end = Long.MIN_VALUE;
        for (DataInput d : inputs) if (!d.bars().isEmpty()) end = Math.max(end, d.bars().closeTime(d.bars().lastIndex()));
        return end;
    }
}
