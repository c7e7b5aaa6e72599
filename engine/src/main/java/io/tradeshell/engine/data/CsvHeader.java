package io.tradeshell.engine.data;

import java.util.Locale;

/** The column names of a CSV file as written (trimmed), looked up without regard to case. */
final class CsvHeader {
    static final String[] TIME_NAMES = {"date", "time", "timestamp", "datetime"};

    private final String[] names;
    private final String[] keys;
    private final long line;

    CsvHeader(CsvRow row) {
        int n = row.fieldCount();
        names = new String[n];
        keys = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = row.text(i);
            keys[i] = names[i].toLowerCase(Locale.ROOT);
        }
        line = row.line();
    }

    long line() {
        return line;
    }

    int size() {
        return names.length;
    }

    String name(int column) {
        return names[column];
    }

    /** The first column named one of {@code candidates}, or -1. */
    int indexOf(String... candidates) {
        for (int i = 0; i < keys.length; i++) {
            for (String c : candidates) {
                if (keys[i].equals(c)) return i;
            }
        }
        return -1;
    }

    boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** A trade file names a price but no open, high, low or close. */
    boolean isTrades() {
        return has("price") && !has("open") && !has("high") && !has("low") && !has("close");
    }
}
