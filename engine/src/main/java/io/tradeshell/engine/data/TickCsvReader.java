package io.tradeshell.engine.data;

import java.nio.file.Path;

/** Reads and validates a CSV of trades: a time column, price and amount. */
final class TickCsvReader {
    private final Path file;
    private final CsvHeader header;
    private final RowProblems problems;
    private final int timeCol, priceCol, amountCol;
    private final DecimalReader decimal = new DecimalReader();
    private final TimeReader times = new TimeReader();
    private final TimeOrder order;
    /** The volume of the bar period being read, so a sum beyond any number is caught at its line. */
    private final ExactSum periodVolume = new ExactSum();
    private long periodStart = Long.MIN_VALUE;

    private TickCsvReader(Path file, CsvHeader header, RowProblems problems) {
        this.file = file;
        this.header = header;
        this.problems = problems;
        timeCol = header.indexOf(CsvHeader.TIME_NAMES);
        if (timeCol < 0) {
            throw problems.structural(header.line(), "missing time column (date, time, timestamp or datetime)");
        }
        priceCol = header.indexOf("price");
        if (priceCol < 0) throw problems.structural(header.line(), "missing column price");
        amountCol = header.indexOf("amount");
        if (amountCol < 0) throw problems.structural(header.line(), "missing column amount");
        order = new TimeOrder(header.name(timeCol), true);
    }

    /** Reads the rows after {@code header}; bad rows fail or are skipped per {@code problems}. */
    static TickSeries read(Path file, CsvSource source, CsvHeader header, RowProblems problems, LoadOptions options) {
        return new TickCsvReader(file, header, problems).readRows(source, options);
    }

    private TickSeries readRows(CsvSource source, LoadOptions options) {
        TickSeries ticks = new TickSeries(options.symbolFor(file), 0, 1024);
        int priceScale = 0;
        int expected = header.size();
        String priceName = header.name(priceCol);
        String amountName = header.name(amountCol);
        for (CsvRow row = source.next(); row != null; row = source.next()) {
            long line = row.line();
            if (!RowStart.read(row, expected, header, timeCol, times, problems)) continue;
            long time = times.millis();
            if (!decimal.read(row.chars(priceCol), 0, row.length(priceCol))) {
                problems.reject(line, "cannot read " + priceName + " '" + row.text(priceCol) + "' as a number");
                continue;
            }
            double price = decimal.value();
            int scale = decimal.scale();
            if (!decimal.read(row.chars(amountCol), 0, row.length(amountCol))) {
                problems.reject(line, "cannot read " + amountName + " '" + row.text(amountCol) + "' as a number");
                continue;
            }
            double amount = decimal.value();
            String problem = order.problem(time);
            if (problem == null) problem = BarChecks.price(priceName, price);
            if (problem == null) problem = BarChecks.amount(amountName, amount);
            if (problem != null) {
                problems.reject(line, problem);
                continue;
            }
            long period = options.barPeriod().orElse(MarketData.DEFAULT_TRADE_BAR).toMillis();
            long start = Math.floorDiv(time, period) * period;
            if (start != periodStart) {
                periodStart = start;
                periodVolume.reset();
            }
            periodVolume.add(amount);
            if (Double.isInfinite(periodVolume.value())) {
                periodVolume.add(-amount); // exact, so the sum is as it was if a lenient load skips the row
                problems.reject(line, amountName + " " + row.text(amountCol) + " takes the volume of the bar from "
                        + java.time.Instant.ofEpochMilli(start) + " beyond the largest number");
                continue;
            }
            order.accept(time, line);
            ticks.append(time, price, amount);
            if (scale > priceScale) priceScale = scale;
        }
        if (ticks.isEmpty()) throw problems.nothingLeft("no trades");
        ticks.priceScale(priceScale > BarBuffer.MAX_EXACT_SCALE ? -1 : priceScale);
        return ticks;
    }
}
