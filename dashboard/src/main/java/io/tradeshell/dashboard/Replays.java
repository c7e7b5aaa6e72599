package io.tradeshell.dashboard;

import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.diff.TradeDiff;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The script of a run or paper account backtested over the same data, for what the files do
 * not hold: the bars, the strategy's indicators, and the backtest a paper session is compared
 * with. A port: the shell fills it with its run service, so the dashboard compiles nothing.
 */
@FunctionalInterface
public interface Replays {
    /** Nothing to replay: pages show what the files hold. */
    Replays NONE = dir -> Optional.empty();

    /** The backtest of the script of the run or account in {@code dir}, if it can be made. */
    Optional<Replay> replay(Path dir);

    /**
     * @param bars     the first symbol's bars
     * @param overlays the strategy's indicators on the price scale, one value per bar
     * @param backtest the run as {@code parity} compares it: its result and events
     */
    record Replay(BarSeries bars, List<Line> overlays, TradeDiff.Run backtest) { }

    /** One indicator: its name and a value per bar (NaN while it warms up). */
    record Line(String name, double[] values) { }
}
