package io.tradeshell.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.model.BarSeries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacedFeedTest {
    private static BarSeries minuteBars(int n) {
        BarSeries s = new BarSeries("X", Duration.ofMinutes(1), 2, n);
        for (int i = 0; i < n; i++) s.append(i * 60_000L, 10, 11, 9, 10, 100);
        return s;
    }

    @Test
    void atSixtyTimesRealTimeEachMinuteBarComesOneSecondAfterTheLast() {
        ManualWallClock wall = new ManualWallClock(1_000_000);
        List<Long> deliveredAt = new ArrayList<>();
        var feed = new PacedFeed(new HistoricalBarFeed(List.of(minuteBars(4))), Speed.parse("60x"), wall);
        FeedSink sink = new FeedSink() {
            public void onBar(int slot, long t, double o, double h, double l, double c, double v) { deliveredAt.add(wall.millis()); }
            public void onTick(int slot, long t, double p, double a) { }
        };
        while (feed.next(sink)) { }
        // the first bar is delivered at once; each next one 60 s of feed time = 1000 ms of wall time later
        assertThat(deliveredAt).containsExactly(1_000_000L, 1_001_000L, 1_002_000L, 1_003_000L);
        // it sleeps in slices so commands and stop requests are looked at while it waits
        assertThat(wall.sleeps).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(PacedFeed.SLICE_MILLIS));
    }

    @Test
    void atMaxSpeedItNeverSleeps() {
        ManualWallClock wall = new ManualWallClock(0);
        var feed = new PacedFeed(new HistoricalBarFeed(List.of(minuteBars(100))), Speed.MAX, wall);
        RecordingSink sink = new RecordingSink();
        while (feed.next(sink)) { }
        assertThat(sink.events).hasSize(100);
        assertThat(wall.sleeps).isEmpty();
    }

    @Test
    void eventsBeforeThePacingPositionAreDeliveredAtOnce() {
        ManualWallClock wall = new ManualWallClock(0);
        var feed = new PacedFeed(new HistoricalBarFeed(List.of(minuteBars(10))), Speed.REAL_TIME, wall).paceFrom(7);
        RecordingSink sink = new RecordingSink();
        while (feed.next(sink)) { }
        assertThat(sink.events).hasSize(10);
        // bars 7, 8, 9 paced at real time: two minutes of waiting in all
        assertThat(wall.now).isEqualTo(120_000);
    }

    @Test
    void aStopRequestedWhileWaitingEndsTheWaitWithoutDeliveringAndTheBetweenWorkRunsMeanwhile() {
        ManualWallClock wall = new ManualWallClock(0);
        List<Long> between = new ArrayList<>();
        boolean[] stop = {false};
        var feed = new PacedFeed(new HistoricalBarFeed(List.of(minuteBars(3))), Speed.REAL_TIME, wall)
                .between(p -> {
                    between.add(p);
                    if (wall.now >= 500) stop[0] = true;
                })
                .stopWhen(() -> stop[0]);
        RecordingSink sink = new RecordingSink();
        assertThat(feed.next(sink)).isTrue();
        assertThat(sink.events).hasSize(1);
        assertThat(feed.next(sink)).isTrue();
        assertThat(sink.events).as("nothing delivered: the loop sees the stop first").hasSize(1);
        assertThat(wall.now).isEqualTo(500);
        assertThat(between).hasSize(1 + 1 + 500 / (int) PacedFeed.SLICE_MILLIS);
        assertThat(between).allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(1L));
    }

    @Test
    void speedsAreReadAsUsersWriteThem() {
        assertThat(Speed.parse("1x").factor()).isEqualTo(1);
        assertThat(Speed.parse("10x").wallMillis(60_000)).isEqualTo(6_000);
        assertThat(Speed.parse("max").isMax()).isTrue();
        assertThat(Speed.parse("0.5x").toString()).isEqualTo("0.5x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Speed.parse("fast"))
                .hasMessageContaining("use 1x, 10x, 60x");
    }
}
