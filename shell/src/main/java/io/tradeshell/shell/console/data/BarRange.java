package io.tradeshell.shell.console.data;

import io.tradeshell.engine.model.BarSeries;

/** Bars {@code from} (inclusive) to {@code to} (exclusive) of a series, shown as a table. */
public record BarRange(BarSeries bars, int from, int to) {
    public BarRange {
        if (from < 0 || to > bars.size() || from > to) {
            throw new IllegalArgumentException("bars " + from + ".." + to + " are outside 0.." + bars.size());
        }
    }

    public int size() {
        return to - from;
    }

    @Override
    public String toString() {
        return io.tradeshell.shell.console.data.BarTable.render(this).toString();
    }
}
