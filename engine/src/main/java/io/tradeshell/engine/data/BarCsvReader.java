package io.tradeshell.engine.data;

import io.tradeshell.engine.model.BarSeries;
import java.nio.file.Path;
import java.time.Duration;

/** Reads and validates a CSV of bars: a time column, open, high, low, close and volume. */
final class BarCsvReader {
    private static final String[] PRICE_NAMES = {"open", "high", "low", "close"};

    private final Path file;
    private final CsvHeader header;
    private final RowProblems problems;
    private final int timeCol;
    private final int[] cols = new int[5];
    private final String[] names = new String[5];
    private final double[] values = new double[5];
    private final DecimalReader decimal = new DecimalReader();
    private final TimeReader times = new TimeReader();
    private final BarChecks checks;
    private final TimeOrder order;

    private BarCsvReader(Path file, CsvHeader header, RowProblems problems) {
        this.file = file;
        this.header = header;
        this.problems = problems;
        timeCol = header.indexOf(CsvHeader.TIME_NAMES);
        if (timeCol < 0) {
            throw problems.structural(header.line(), "missing time column (date, time, timestamp or datetime)");
        }
        for (int k = 0; k < 5; k++) {
            String wanted = k < 4 ? PRICE_NAMES[k] : "volume";
            cols[k] = header.indexOf(wanted);
            if (cols[k] < 0) throw problems.structural(header.line(), "missing column " + wanted);
            names[k] = header.name(cols[k]);
        }
        checks = new BarChecks(names[0], names[1], names[2], names[3], names[4]);
        order = new TimeOrder(header.name(timeCol), false);
    }

    /** Reads the rows after {@code header} into a series; bad rows fail or are skipped per {@code problems}. */
    static BarSeries read(Path file, CsvSource source, CsvHeader header, RowProblems problems, LoadOptions options) {
        return new BarCsvReader(file, header, problems).readRows(source, options);
    }

    private BarSeries readRows(CsvSource source, LoadOptions options) {
        BarBuffer bars = new BarBuffer();
        int expected = header.size();
        for (CsvRow row = source.next(); row != null; row = source.next()) {
            long line = row.line();
            if (!RowStart.read(row, expected, header, timeCol, times, problems)) continue;
            long time = times.millis();
            int scale = 0;
            String problem = null;
            for (int k = 0; k < 5; k++) {
                int c = cols[k];
                if (!decimal.read(row.chars(c), 0, row.length(c))) {
                    problem = "cannot read " + names[k] + " '" + row.text(c) + "' as a number";
                    break;
                }
                values[k] = decimal.value();
                if (k < 4 && decimal.scale() > scale) scale = decimal.scale();
            }
            if (problem == null) problem = order.problem(time);
            if (problem == null) problem = checks.problem(values[0], values[1], values[2], values[3], values[4]);
            if (problem != null) {
                problems.reject(line, problem);
                continue;
            }
            order.accept(time, line);
            bars.add(time, values[0], values[1], values[2], values[3], values[4]);
            bars.notePriceScale(scale);
            bars.noteDateOnly(times.dateOnly());
        }
        if (bars.size() == 0) throw problems.nothingLeft("no bars");
        long fallback = options.barPeriod().map(Duration::toMillis).orElse(0L);
        return bars.toSeries(options.symbolFor(file), bars.inferPeriodMillis(fallback), 0);
    }
}
