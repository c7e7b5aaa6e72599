package io.tradeshell.engine.data;

import io.tradeshell.engine.model.BarSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Loads market data files, telling the formats apart by themselves: a {@code .json} file
 * holds bars ({@code {"ohlc": [...]}} or {@code {"candles": [...]}}); a CSV whose header names a price but no open, high,
 * low or close holds trades, which are aggregated into bars; any other CSV holds bars.
 * Every problem is a {@link DataException} naming the file and line.
 */
public final class MarketData {
    /** The bar period for trade files when none is asked for. */
    public static final Duration DEFAULT_TRADE_BAR = Duration.ofMinutes(1);

    private MarketData() { }

    /** Loads {@code file} as bars, aggregating trades into bars of {@code options.barPeriod()}. */
    public static LoadedSeries load(Path file, LoadOptions options) {
        RowProblems problems = new RowProblems(file, options.lenient());
        try (HashingInput input = DataFiles.open(file)) {
            if (isJson(file)) {
                BarSeries series = JsonBarReader.read(file, input, problems, options);
                return new LoadedSeries(series, problems.skipped(), input.finish(), file, LoadedSeries.Kind.BARS);
            }
            CsvSource source = new CsvSource(file, input);
            CsvHeader header = source.header();
            if (header.isTrades()) {
                TickSeries ticks = TickCsvReader.read(file, source, header, problems, options);
                Duration period = options.barPeriod().orElse(DEFAULT_TRADE_BAR);
                java.util.List<String> notes = new java.util.ArrayList<>();
                BarSeries series = TickAggregator.aggregateClosedBars(ticks, period, open -> notes.add(unfinishedBar(ticks, period, open)));
                return new LoadedSeries(series, problems.skipped(), input.finish(), file, LoadedSeries.Kind.TICKS, notes);
            }
            BarSeries series = BarCsvReader.read(file, source, header, problems, options);
            return new LoadedSeries(series, problems.skipped(), input.finish(), file, LoadedSeries.Kind.BARS);
        } catch (IOException e) {
            throw DataFiles.unreadable(file, e);
        }
    }

    /** Loads a trade file ({@code timestamp,price,amount}) as trades, without aggregating them. */
    public static LoadedTicks loadTicks(Path file, LoadOptions options) {
        if (isJson(file)) throw new DataException(file, 0, "not a trade file: JSON files hold bars");
        RowProblems problems = new RowProblems(file, options.lenient());
        try (HashingInput input = DataFiles.open(file)) {
            CsvSource source = new CsvSource(file, input);
            CsvHeader header = source.header();
            if (!header.isTrades()) {
                throw new DataException(file, header.line(),
                        "not a trade file: expected a time column, price and amount, and no open/high/low/close");
            }
            TickSeries ticks = TickCsvReader.read(file, source, header, problems, options);
            return new LoadedTicks(ticks, problems.skipped(), input.finish(), file);
        } catch (IOException e) {
            throw DataFiles.unreadable(file, e);
        }
    }

    /** Why the last bar was left out, in words. */
    static String unfinishedBar(TickSeries ticks, Duration period, long open) {
        java.time.Instant last = java.time.Instant.ofEpochMilli(ticks.time(ticks.size() - 1));
        return ticks.symbol() + ": the last bar, from " + java.time.Instant.ofEpochMilli(open) + " (" + BarPeriods.format(period)
                + "), was left out: the trades end at " + last + ", before its period ended at "
                + java.time.Instant.ofEpochMilli(open + period.toMillis());
    }

    private static boolean isJson(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
