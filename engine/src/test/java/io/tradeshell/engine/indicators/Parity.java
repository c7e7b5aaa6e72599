package io.tradeshell.engine.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.ta4j.core.num.Num;

/**
 * The comparison every parity test makes: the same unstable-bar count, and at each bar a value
 * within 1e-9 relative of ta4j's (absolute below magnitude 1, where differences of nearly equal
 * averages sit), NaN exactly where ta4j gives NaN.
 */
final class Parity {
    static final double TOLERANCE = 1e-9;

    private Parity() { }

    /**
     * Compares {@code ours} with {@code theirs} over {@code bars} bars and returns how many bars had
     * a value. With {@code ta4jMayStayNaN}, bars where ta4j gives NaN are skipped rather than
     * required to be NaN here too.
     */
    static int assertSameValues(String name, Indicator ours, org.ta4j.core.Indicator<Num> theirs, int bars, boolean ta4jMayStayNaN) {
        assertThat(ours.unstableBars()).as("unstable bars of " + name).isEqualTo(theirs.getCountOfUnstableBars());
        int compared = 0;
        for (int i = 0; i < bars; i++) {
            Num expected = theirs.getValue(i);
            double actual = ours.value(i);
            if (expected.isNaN()) {
                if (!ta4jMayStayNaN) assertThat(actual).as("%s at bar %d: ta4j gives NaN", name, i).isNaN();
                continue;
            }
            double e = expected.doubleValue();
            if (Double.isInfinite(e) || Double.isInfinite(actual)) {
                assertThat(actual).as("%s at bar %d", name, i).isEqualTo(e);
                compared++;
                continue;
            }
            assertThat(actual).as("%s at bar %d", name, i).isNotNaN().isCloseTo(e, Offset.offset(TOLERANCE * Math.max(1, Math.abs(e))));
            compared++;
        }
        return compared;
    }
}
