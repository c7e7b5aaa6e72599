package io.tradeshell.engine.indicators;

/**
 * The highest or lowest value of the last {@code barCount} values, as ta4j's
 * {@code HighestValueIndicator} / {@code LowestValueIndicator}: NaN values are skipped, and the
 * result is NaN only when the whole window is NaN.
 *
 * <p>A monotonic deque of window positions on primitive ring buffers gives amortised O(1) per bar
 * with no allocation: each value enters once and leaves once, and the front is always the extreme.
 */
abstract sealed class SlidingExtreme extends Indicator permits HighestIndicator, LowestIndicator {
    private final Indicator input;
    private final int barCount;
    private final boolean highest;
    private final int[] index;
    private final double[] value;
    private int head;
    private int size;

    SlidingExtreme(Indicator input, int barCount, boolean highest) {
        super(input.series());
        if (barCount < 1) throw new IllegalArgumentException((highest ? "highest" : "lowest") + " bar count must be at least 1, was " + barCount);
        this.input = input;
        this.barCount = barCount;
        this.highest = highest;
        this.index = new int[barCount];
        this.value = new double[barCount];
    }

    @Override
    protected final double calculate(int i) {
        if (size > 0 && index[head] <= i - barCount) {
            head = next(head);
            size--;
        }
        double x = input.value(i);
        if (!Double.isNaN(x)) {
            // Drop the values that x makes irrelevant: it is at least as extreme and leaves later.
            while (size > 0) {
                double back = value[slot(size - 1)];
                if (highest ? back > x : back < x) break;
                size--;
            }
            int s = slot(size);
            index[s] = i;
            value[s] = x;
            size++;
        }
        return size > 0 ? value[head] : Double.NaN;
    }

    private int slot(int offset) {
        int s = head + offset;
        return s >= barCount ? s - barCount : s;
    }

    private int next(int s) {
        return s + 1 == barCount ? 0 : s + 1;
    }

    @Override
    public final int unstableBars() {
        return input.unstableBars() + barCount - 1;
    }

    @Override
    public final String toString() {
        return (highest ? "Highest(" : "Lowest(") + input + ", " + barCount + ")";
    }
}
