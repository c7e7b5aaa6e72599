package io.tradeshell.engine.data;

import io.tradeshell.engine.model.BarSeries;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: run by hand to see how long writing and loading a million-bar CSV takes.
 * {@code java -cp ... io.tradeshell.engine.data.LoadSpeedCheck [bars] [rounds]}
 */
public final class LoadSpeedCheck {
    private LoadSpeedCheck() { }

    public static void main(String[] args) throws Exception {
        int bars = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("tradeshell-speed");
        Path file = dir.resolve("synth.csv");
        try {
            long t0 = System.nanoTime();
            BarSeries series = SyntheticBars.generate(42, bars);
            long t1 = System.nanoTime();
            SyntheticBars.writeCsv(series, file);
            long t2 = System.nanoTime();
            System.out.printf("generate %d bars: %d ms, write %d MB: %d ms%n", bars, (t1 - t0) / 1_000_000,
                    Files.size(file) >> 20, (t2 - t1) / 1_000_000);
            for (int r = 0; r < rounds; r++) {
                long s = System.nanoTime();
                LoadedSeries loaded = MarketData.load(file, LoadOptions.defaults());
                long e = System.nanoTime();
                System.out.printf("load round %d: %d ms (%d bars, scale %d)%n", r + 1, (e - s) / 1_000_000,
                        loaded.series().size(), loaded.series().priceScale());
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
