package io.tradeshell.shell.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * The peer of {@code tradeshell run} in {@code bench/e2e.sh}: plain ta4j's whole process on the same
 * bar CSV. It loads the file the way a ta4j user would (a reader, one bar per line, {@code DoubleNum}),
 * runs the SMA crossover (10/30) with {@code BarSeriesManager} filling on the next open, and writes the
 * positions as JSON. Nothing of TradeShell is on its path, so the comparison is the library alone.
 *
 * <p>{@code java -cp ... io.tradeshell.shell.bench.PlainTa4jWholeProcess BARS.csv OUT.json}
 */
public final class PlainTa4jWholeProcess {
    private PlainTa4jWholeProcess() { }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PlainTa4jWholeProcess BARS.csv OUT.json");
            System.exit(2);
        }
        BarSeries series = load(Path.of(args[0]));
        var close = new ClosePriceIndicator(series);
        var fast = new SMAIndicator(close, 10);
        var slow = new SMAIndicator(close, 30);
        var strategy = new BaseStrategy(new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow), 29);
        TradingRecord record = new BarSeriesManager(series, new TradeOnNextOpenModel()).run(strategy);
        write(record, series, Path.of(args[1]));
        System.out.printf(Locale.ROOT, "%d bars, %d positions%n", series.getBarCount(), record.getPositionCount());
    }

    /** Header {@code timestamp,open,high,low,close,volume}, ISO instants, one bar per line. */
    static BarSeries load(Path csv) throws IOException {
        BarSeries series = new BaseBarSeriesBuilder().withName(csv.getFileName().toString())
                .withNumFactory(DoubleNumFactory.getInstance()).build();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            in.readLine();
            String line;
            Instant previous = null;
            String[] pending = null;
            while ((line = in.readLine()) != null) {
                String[] f = line.split(",");
                Instant time = Instant.parse(f[0]);
                if (pending != null) add(series, pending, previous, Duration.between(previous, time));
                pending = f;
                previous = time;
            }
            if (pending != null) {
                Duration period = series.isEmpty() ? Duration.ofMinutes(1) : series.getLastBar().getTimePeriod();
                add(series, pending, previous, period);
            }
        }
        return series;
    }

    private static void add(BarSeries series, String[] f, Instant begin, Duration period) {
        series.barBuilder().timePeriod(period).beginTime(begin).endTime(begin.plus(period))
                .openPrice(Double.parseDouble(f[1])).highPrice(Double.parseDouble(f[2]))
                .lowPrice(Double.parseDouble(f[3])).closePrice(Double.parseDouble(f[4]))
                .volume(Double.parseDouble(f[5])).add();
    }

    private static void write(TradingRecord record, BarSeries series, Path out) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("[\n");
            boolean first = true;
            for (Position p : record.getPositions()) {
                if (!first) w.write(",\n");
                first = false;
                w.write(String.format(Locale.ROOT,
                        "{\"entryTime\":\"%s\",\"entryPrice\":%s,\"exitTime\":\"%s\",\"exitPrice\":%s,\"pnl\":%s}",
                        series.getBar(p.getEntry().getIndex()).getBeginTime(), p.getEntry().getNetPrice(),
                        series.getBar(p.getExit().getIndex()).getBeginTime(), p.getExit().getNetPrice(), p.getProfit()));
            }
            w.write("\n]\n");
        }
    }
}
