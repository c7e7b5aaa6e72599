package io.tradeshell.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.data.TickSeries;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickReplayFeedTest {
    private static final long MIN = 60_000;

    private static TickSeries ticks(String symbol, double[][] rows) {
        TickSeries t = new TickSeries(symbol, 2, 16);
        for (double[] r : rows) t.append((long) r[0], r[1], r[2]);
        return t;
    }

    @Test
    void aBarIsDeliveredWhenFeedTimeReachesItsCloseBeforeTheTradeThatFollows() {
        // minute 0: 10 @ 100, 101, 99.5; minute 2 (minute 1 has no trades): 102
        TickSeries t = ticks("X", new double[][] {{1_000, 100, 1}, {20_000, 101, 2}, {59_999, 99.5, 3}, {2 * MIN + 5, 102, 4}});
        var feed = new TickReplayFeed(List.of(t), Duration.ofMinutes(1));
        RecordingSink sink = new RecordingSink();
        assertThat(feed.nextEventTime()).isEqualTo(1_000);
        while (feed.next(sink)) { }
        assertThat(sink.events).containsExactly(
                "tick 0 1000 100.0 1.0",
                "tick 0 20000 101.0 2.0",
                "tick 0 59999 99.5 3.0",
                "bar 0 0 100.0 101.0 99.5 99.5 6.0",
                "tick 0 120005 102.0 4.0");   // minute 2 never ends in the data: its bar is left out
        assertThat(feed.position()).isEqualTo(5);
    }

    @Test
    void eachSymbolsBarClosesWhenAnySymbolsTradePassesItsEnd() {
        TickSeries a = ticks("A", new double[][] {{10, 50, 1}, {3 * MIN, 51, 1}});
        TickSeries b = ticks("B", new double[][] {{20, 70, 2}, {MIN + 30, 71, 2}, {MIN + 40, 72, 1}});
        var feed = new TickReplayFeed(List.of(a, b), Duration.ofMinutes(1));
        RecordingSink sink = new RecordingSink();
        while (feed.next(sink)) { }
        assertThat(sink.events).containsExactly(
                "tick 0 10 50.0 1.0",
                "tick 1 20 70.0 2.0",
                "bar 0 0 50.0 50.0 50.0 50.0 1.0",      // A's minute 0 closes at 60000, before B's trade at 60030
                "bar 1 0 70.0 70.0 70.0 70.0 2.0",
                "tick 1 60030 71.0 2.0",
                "tick 1 60040 72.0 1.0",
                "bar 1 60000 71.0 72.0 71.0 72.0 3.0",
                "tick 0 180000 51.0 1.0");    // A's minute 3 never ends in the data: left out
    }

    @Test
    void peekBarTimeNamesTheNextBarOnlyWhenABarComesNext() {
        TickSeries a = ticks("A", new double[][] {{10, 50, 1}, {MIN + 1, 51, 1}});
        var feed = new TickReplayFeed(List.of(a), Duration.ofMinutes(1));
        RecordingSink sink = new RecordingSink();
        assertThat(feed.peekBarTime()).isEqualTo(Long.MAX_VALUE);
        feed.next(sink);
        assertThat(feed.peekBarTime()).isEqualTo(MIN);
        assertThat(feed.nextEventTime()).isEqualTo(MIN);
    }
}
