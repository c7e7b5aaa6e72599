package io.tradeshell.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeshell.engine.model.BarSeries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReplayViewsTest {
    @Test
    void twentyPagesAskingForAFoldersChartAtOnceShareOneChartMadeOnce() throws Exception {
        BarSeries bars = new BarSeries("WALK", Duration.ofMinutes(1), 2, 50_000);
        for (int i = 0; i < 50_000; i++) bars.append(60_000L * i, 100 + i % 7, 101 + i % 7, 99 + i % 7, 100.5 + i % 7, 1);
        AtomicInteger replays = new AtomicInteger();
        ReplayViews views = new ReplayViews(dir -> {
            replays.incrementAndGet();
            return Optional.of(new Replays.Replay(bars, List.of(new Replays.Line("flat", new double[bars.size()])), null));
        });
        CountDownLatch go = new CountDownLatch(1);
        Callable<byte[]> page = () -> {
            go.await();
            return views.chart(Path.of("runs/walk"));
        };
        ExecutorService pages = Executors.newFixedThreadPool(20);
        try {
            List<Future<byte[]>> asked = new ArrayList<>();
            for (int i = 0; i < 20; i++) asked.add(pages.submit(page));
            go.countDown();
            byte[] first = asked.get(0).get();
            assertThat(new String(first, 0, 40)).startsWith("{\"symbol\":\"WALK\",\"bars\":[[");
            for (Future<byte[]> f : asked) assertThat(f.get()).as("the one encoding, not a copy made alongside").isSameAs(first);
            assertThat(replays).hasValue(1);
        } finally {
            pages.shutdownNow();
        }
    }
}
