package io.tradeshell.dsl;

import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.model.BarSeries;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bar a custom indicator is being computed for, while its block runs: {@code .value} and
 * {@code [n]} of any indicator on the same bars then read as of that bar, not the newest one.
 * A custom indicator is computed as each bar closes, when the two are the same bar; this keeps
 * them the same when its values are read later (a chart of a run whose strategy was stopped).
 */
final class ReadingBar {
    private static final ThreadLocal<ReadingBar> CURRENT = new ThreadLocal<>();
    /** Custom indicators being computed now, on any thread: while none is, a read skips the thread-local lookup. */
    private static final AtomicInteger COMPUTING = new AtomicInteger();

    private final BarSeries series;
    private final int index;

    private ReadingBar(BarSeries series, int index) {
        this.series = series;
        this.index = index;
    }

    /** Runs {@code block} with {@code index} of {@code series} as the bar being read. */
    static double at(BarSeries series, int index, java.util.function.IntToDoubleFunction block) {
        ReadingBar outer = CURRENT.get();
        CURRENT.set(new ReadingBar(series, index));
        COMPUTING.incrementAndGet();
        try {
            return block.applyAsDouble(index);
        } finally {
            COMPUTING.decrementAndGet();
            if (outer == null) CURRENT.remove();
            else CURRENT.set(outer);
        }
    }

    /** The index {@code barsAgo} before the bar being read of {@code indicator}'s bars: the newest closed bar outside a custom indicator. */
    static int index(Indicator indicator, int barsAgo) {
        ReadingBar reading = COMPUTING.get() == 0 ? null : CURRENT.get();
        int now = reading != null && reading.series == indicator.series() ? reading.index : indicator.series().lastIndex();
        return now - barsAgo;
    }
}
