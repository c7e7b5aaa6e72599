package io.tradeshell.engine.data;

import io.tradeshell.engine.model.BarSeries;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Whether the symbols of one run cover a common stretch of time, for the warning a run gives when they do not. */
public final class DateRanges {
    private DateRanges() { }

    /**
     * A one-line warning when the series' date ranges (first bar's open to last bar's close)
     * have no moment in common, naming the latest start and the earliest end; empty otherwise.
     */
    public static Optional<String> noOverlapWarning(List<BarSeries> series) {
        BarSeries lateStart = null, earlyEnd = null;
        for (BarSeries s : series) {
            if (s.isEmpty()) continue;
            if (lateStart == null || s.openTime(0) > lateStart.openTime(0)) lateStart = s;
            if (earlyEnd == null || s.closeTime(s.lastIndex()) < earlyEnd.closeTime(earlyEnd.lastIndex())) earlyEnd = s;
        }
        if (lateStart == null || lateStart.openTime(0) < earlyEnd.closeTime(earlyEnd.lastIndex())) return Optional.empty();
        return Optional.of("the symbols' date ranges do not overlap: " + lateStart.symbol() + " starts at "
                + Instant.ofEpochMilli(lateStart.openTime(0)) + ", after " + earlyEnd.symbol() + " ends at "
                + Instant.ofEpochMilli(earlyEnd.closeTime(earlyEnd.lastIndex())));
    }
}
