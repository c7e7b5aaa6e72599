package io.tradeshell.shell.app.trading;

import io.tradeshell.engine.run.RunSpec;
import io.tradeshell.engine.time.IsoTime;

/**
 * How a live run or paper session writes times on its event and status lines: as its run
 * header does, at the precision of its bars (a date for daily bars, minutes for intraday ones,
 * seconds only where a time has them). Until the session's data is known, to the second.
 */
public final class BarTimes {
    private volatile long periodMillis = 1000;

    /** From now on, times at the precision of {@code spec}'s shortest bars. */
    public void use(RunSpec spec) {
        use(spec.data().stream().mapToLong(d -> d.bars().periodMillis()).filter(v -> v > 0).min().orElse(1000));
    }

    /** From now on, times at the precision bars of {@code periodMillis} need. */
    public void use(long periodMillis) {
        this.periodMillis = periodMillis;
    }

    public String format(long millis) {
        return IsoTime.readable(millis, periodMillis);
    }
}
