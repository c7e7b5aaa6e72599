package io.tradeshell.engine.data;

import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.time.IsoTime;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a bar series as {@code timestamp,open,high,low,close,volume} with ISO instants.
 * Prices are written with exactly the series' price scale (or the shortest exact form
 * when it has none), so the file loads back to the same doubles. Rows are assembled in
 * one reused char buffer; nothing is formatted through strings per row.
 */
public final class BarCsvWriter {
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private BarCsvWriter() { }

    public static void write(BarSeries series, Path file) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            out.write("timestamp,open,high,low,close,volume\n");
            char[] row = new char[256];
            IsoTime times = new IsoTime();
            int scale = series.priceScale();
            for (int i = 0, n = series.size(); i < n; i++) {
                int pos = times.format(series.openTime(i));
                System.arraycopy(times.chars(), 0, row, 0, pos);
                row[pos++] = ',';
                pos = price(series.open(i), scale, row, pos);
                row[pos++] = ',';
                pos = price(series.high(i), scale, row, pos);
                row[pos++] = ',';
                pos = price(series.low(i), scale, row, pos);
                row[pos++] = ',';
                pos = price(series.close(i), scale, row, pos);
                row[pos++] = ',';
                pos = amount(series.volume(i), row, pos);
                row[pos++] = '\n';
                out.write(row, 0, pos);
            }
        }
    }

    private static int price(double value, int scale, char[] out, int pos) {
        if (scale < 0 || scale >= POW10.length || !(Math.abs(value) * POW10[scale] < 1e15)) return text(value, out, pos);
        long scaled = Math.round(value * POW10[scale]);
        if (scaled < 0) {
            out[pos++] = '-';
            scaled = -scaled;
        }
        pos = digits(scaled / POW10[scale], out, pos);
        if (scale > 0) {
            out[pos++] = '.';
            long frac = scaled % POW10[scale];
            for (int k = scale - 1; k >= 0; k--) {
                out[pos + k] = (char) ('0' + frac % 10);
                frac /= 10;
            }
            pos += scale;
        }
        return pos;
    }

    private static int amount(double value, char[] out, int pos) {
        if (value >= 0 && value < 1e15 && value == Math.rint(value)) return digits((long) value, out, pos);
        return text(value, out, pos);
    }

    private static int text(double value, char[] out, int pos) {
        String s = Double.toString(value);
        s.getChars(0, s.length(), out, pos);
        return pos + s.length();
    }

    private static int digits(long value, char[] out, int pos) {
        int len = 1;
        for (long v = value; v >= 10; v /= 10) len++;
        for (int i = pos + len - 1; i >= pos; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return pos + len;
    }
}
