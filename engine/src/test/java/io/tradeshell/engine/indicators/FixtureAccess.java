package io.tradeshell.engine.indicators;

import io.tradeshell.engine.model.BarSeries;
import org.ta4j.core.num.Num;

/** The parity fixtures and comparison, for tests in the sub-packages. */
public final class FixtureAccess {
    private FixtureAccess() { }

    public static BarSeries aaplSeries() { return Fixture.aapl().series(); }
    public static BarSeries syntheticSeries() { return Fixture.synthetic().series(); }
    public static org.ta4j.core.BarSeries aaplDecimal() { return Fixture.aapl().decimalSeries(); }
    public static org.ta4j.core.BarSeries syntheticDecimal() { return Fixture.synthetic().decimalSeries(); }

    /** {@link Parity#assertSameValues}, where ta4j's NaN must be ours too. */
    public static int assertSameValues(String name, Indicator ours, org.ta4j.core.Indicator<Num> theirs, int bars) {
        return Parity.assertSameValues(name, ours, theirs, bars, false);
    }
}
