package io.tradeshell.engine.data;

/** The checks every CSV row starts with, bars or ticks: the field count, then the time column. */
final class RowStart {
    private RowStart() { }

    /**
     * Whether the row has {@code expected} fields and a readable time; if not, the problem is
     * reported (failing or skipping the row) and false returned. The time is left in {@code times}.
     */
    static boolean read(CsvRow row, int expected, CsvHeader header, int timeCol, TimeReader times, RowProblems problems) {
        if (row.fieldCount() != expected) {
            problems.reject(row.line(), "expected " + expected + " fields but found " + row.fieldCount());
            return false;
        }
        if (!times.read(row.chars(timeCol), 0, row.length(timeCol))) {
            problems.reject(row.line(), "cannot read " + header.name(timeCol) + " '" + row.text(timeCol) + "' as a time");
            return false;
        }
        return true;
    }
}
