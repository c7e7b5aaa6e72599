package io.tradeshell.engine.indicators;

import io.tradeshell.engine.model.BarSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DecimalNumFactory;

/**
 * The same bars twice: as our series (doubles) and as a ta4j series of DecimalNum built straight
 * from the decimal text, so the reference never passes through our code or through doubles.
 */
record Fixture(String name, List<Row> rows, int priceScale) {
    static final Duration DAY = Duration.ofDays(1);

    record Row(long openTime, String open, String high, String low, String close, String volume) { }

    @Override
    public String toString() {
        return name;
    }

    BarSeries series() {
        BarSeries s = new BarSeries(name, DAY, priceScale, rows.size());
        for (Row r : rows) {
            s.append(r.openTime, Double.parseDouble(r.open), Double.parseDouble(r.high), Double.parseDouble(r.low),
                    Double.parseDouble(r.close), Double.parseDouble(r.volume));
        }
        return s;
    }

    org.ta4j.core.BarSeries decimalSeries() {
        org.ta4j.core.BarSeries s = new BaseBarSeriesBuilder().withName(name).withNumFactory(DecimalNumFactory.getInstance()).build();
        for (Row r : rows) {
            s.barBuilder().timePeriod(DAY).beginTime(Instant.ofEpochMilli(r.openTime))
                    .endTime(Instant.ofEpochMilli(r.openTime).plus(DAY))
                    .openPrice(r.open).highPrice(r.high).lowPrice(r.low).closePrice(r.close).volume(r.volume).add();
        }
        return s;
    }

    /** AAPL daily bars of 2013 from the sample data, read with a plain split. */
    static Fixture aapl() {
        Path file = Path.of("data/aapl_daily_2013.csv");
        if (!Files.exists(file)) file = Path.of("../data/aapl_daily_2013.csv");
        try {
            List<String> lines = Files.readAllLines(file);
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) continue;
                String[] f = line.split(",");
                long t = LocalDate.parse(f[0]).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                rows.add(new Row(t, f[1], f[2], f[3], f[4], f[5]));
            }
            return new Fixture("AAPL 2013", rows, 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * 700 bars made to hit the edge cases: a flat start (RSI 0), a pure rise (RSI 100), runs of
     * identical bars longer than every window (zero deviation, OBV unchanged, exact ties), price
     * gaps past the previous range (true range from the previous close), skipped days, a stretch
     * without volume longer than the VWAP windows (NaN), and fractional volumes.
     */
    static Fixture synthetic() {
        Random random = new Random(20130102);
        List<Row> rows = new ArrayList<>();
        long day = LocalDate.of(2020, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long close = 10_000;
        for (int i = 0; i < 700; i++) {
            day += DAY.toMillis() * (random.nextInt(10) == 0 ? 3 : 1);
            long open, high, low;
            boolean flat = i < 30 || (i >= 200 && i < 240) || (i >= 500 && i < 535);
            if (flat) {
                open = high = low = close;
            } else if (i < 45) {
                open = close;
                close += 5 + random.nextInt(50);
                high = close + random.nextInt(20);
                low = open - random.nextInt(20);
            } else {
                long gap = random.nextInt(25) == 0 ? (random.nextBoolean() ? 1 : -1) * (300 + random.nextInt(700)) : 0;
                open = Math.max(100, close + gap + random.nextInt(41) - 20);
                int move = random.nextInt(6) == 0 ? 0 : random.nextInt(201) - 100;
                close = Math.max(100, open + move);
                if (random.nextInt(8) == 0 && !rows.isEmpty()) close = cents(rows.getLast().close());
                high = Math.max(open, close) + random.nextInt(60);
                low = Math.max(50, Math.min(open, close) - random.nextInt(60));
            }
            String volume;
            if (i >= 300 && i < 330) volume = "0";
            else if (i >= 600) volume = BigDecimal.valueOf(random.nextInt(5_000_000), 3).toPlainString();
            else volume = Integer.toString(1_000 + random.nextInt(1_000_000));
            rows.add(new Row(day, price(open), price(high), price(low), price(close), volume));
        }
        return new Fixture("synthetic ties and gaps", rows, 2);
    }

    private static String price(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static long cents(String price) {
        return new BigDecimal(price).movePointRight(2).longValueExact();
    }
}
