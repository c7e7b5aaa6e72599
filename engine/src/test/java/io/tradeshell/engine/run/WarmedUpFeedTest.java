package io.tradeshell.engine.run;

import static io.tradeshell.engine.run.Runs.DAY;
import static io.tradeshell.engine.run.Runs.START;
import static io.tradeshell.engine.run.Runs.bar;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.strategy.ExitPlan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A live session's warm-up: history the strategies see before the first live bar, nothing of it traded on, nothing after the start. */
class WarmedUpFeedTest {
    @Test
    void onlyBarsClosedByTheStartAreKeptTheLastOnesFirst() {
        BarSeries days = Runs.daily("AAPL", START, bar(1, 1, 1, 1), bar(2, 2, 2, 2), bar(3, 3, 3, 3), bar(4, 4, 4, 4), bar(5, 5, 5, 5));
        // the session starts half-way through the fourth day: that day's bar had not closed, nor the fifth's
        BarSeries known = WarmedUpFeed.before(days, START + 3 * DAY + DAY / 2, 2);
        assertThat(known.size()).isEqualTo(2);
        assertThat(List.of(known.openTime(0), known.openTime(1))).containsExactly(START + DAY, START + 2 * DAY);
        assertThat(List.of(known.close(0), known.close(1))).containsExactly(2.0, 3.0);
        // at the close of the fourth day exactly, its bar is known
        assertThat(WarmedUpFeed.before(days, START + 4 * DAY, 10).size()).isEqualTo(4);
        assertThat(WarmedUpFeed.before(days, START, 10).size()).isZero();
    }

    @Test
    void theStrategySeesTheHistoryBeforeTheFirstLiveBarAndRunsOnlyOnLiveBars() {
        BarSeries history = Runs.daily("AAPL", START, bar(10, 10, 10, 10), bar(11, 11, 11, 11), bar(12, 12, 12, 12));
        BarSeries live = Runs.daily("AAPL", START + 3 * DAY, bar(13, 13, 13, 13), bar(14, 14, 14, 14));
        List<String> seen = new ArrayList<>();
        BarSeries[] shown = new BarSeries[1];
        RunSpec spec = Runs.spec(Runs.factory("watch", ctx -> {
            shown[0] = ctx.bars();
            return Runs.each(i -> {
                BarSeries b = ctx.bars();
                // the mean of the last three closes: warm from the first live bar on
                seen.add(i + " " + (b.close(i) + b.close(i - 1) + b.close(i - 2)) / 3);
            });
        }), Runs.FREE, 10_000, live);
        Runs.Tape tape = new Runs.Tape();
        RunResult r = new TradingLoop(spec, "live", new WarmedUpFeed(new HistoricalBarFeed(List.of(live)), List.of(history)), tape, ExitPlan.NONE).run();

        assertThat(seen).containsExactly("3 12.0", "4 13.0");
        assertThat(shown[0].size()).isEqualTo(5);
        assertThat(tape.times).containsExactly(START + 3 * DAY, START + 4 * DAY); // equity at the live bars only
        assertThat(r.bars()).isEqualTo(2);
        assertThat(r.metrics().buyAndHoldReturn()).isEqualTo(14.0 / 13 - 1); // from the first live close, not the history's
    }
}
