package io.tradeshell.report.text;

import io.tradeshell.engine.time.IsoTime;
import java.util.Locale;

/**
 * Charts for terminals without images: a braille line chart with its max and min labelled,
 * and a one-line sparkline of block characters.
 */
public final class TextChart {
    private static final char[] BLOCKS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};
    // bit of each dot in a braille cell, by [row 0..3][column 0..1]
    private static final int[][] DOT = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};

    private TextChart() {}

    /**
     * A line chart {@code width} characters wide and {@code height} lines tall (each character
     * holds 2 x 4 braille dots), with the max label on the first line and the min label on the
     * last. Long series are thinned by drawing each dot column from the lowest to the highest
     * value it covers; consecutive columns are joined so the line stays unbroken. NaN values are
     * skipped. Lines are separated by '\n'.
     */
    public static String render(double[] values, int width, int height) {
        if (width < 1 || height < 2) throw new IllegalArgumentException("need width >= 1 and height >= 2, got " + width + "x" + height);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isNaN(v)) continue;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        boolean empty = min > max;
        int cols = width * 2, rows = height * 4;
        int[][] cells = new int[height][width];
        if (!empty) {
            int previousRow = -1;
            for (int c = 0; c < cols; c++) {
                int from = (int) ((long) c * values.length / cols);
                int to = Math.max(from + 1, (int) ((long) (c + 1) * values.length / cols));
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, last = Double.NaN;
                for (int i = from; i < to && i < values.length; i++) {
                    double v = values[i];
                    if (Double.isNaN(v)) continue;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    last = v;
                }
                if (Double.isNaN(last)) {
                    previousRow = -1;
                    continue;
                }
                int top = row(hi, min, max, rows), bottom = row(lo, min, max, rows);
                if (previousRow >= 0) {
                    top = Math.min(top, previousRow);
                    bottom = Math.max(bottom, previousRow);
                }
                for (int r = top; r <= bottom; r++) cells[r / 4][c / 2] |= DOT[r % 4][c % 2];
                previousRow = row(last, min, max, rows);
            }
        }
        String maxLabel = empty ? "" : label(max), minLabel = empty ? "" : label(min);
        int labelWidth = Math.max(maxLabel.length(), minLabel.length());
        StringBuilder out = new StringBuilder((labelWidth + 2 + width + 1) * height);
        for (int line = 0; line < height; line++) {
            String label = line == 0 ? maxLabel : line == height - 1 ? minLabel : "";
            out.append(" ".repeat(labelWidth - label.length())).append(label);
            out.append(line == 0 || line == height - 1 ? " ┤" : " │");
            for (int x = 0; x < width; x++) out.append(cells[line][x] == 0 ? ' ' : (char) (0x2800 + cells[line][x]));
            if (line < height - 1) out.append('\n');
        }
        return out.toString();
    }

    /**
     * The same chart with a time axis under it: the first bar's date at the left edge, the last
     * bar's at the right edge and, when they fit with room to spare, dates between them at the
     * bars they stand under. Dates alone when every time is a midnight, else dates with minutes.
     * {@code times} holds each value's time in epoch millis (UTC), as many as there are values.
     */
    public static String render(double[] values, long[] times, int width, int height) {
        if (times.length != values.length) throw new IllegalArgumentException(times.length + " times for " + values.length + " values");
        String chart = render(values, width, height);
        if (values.length == 0) return chart;
        int plotStart = chart.indexOf('┤') + 1;
        return chart + "\n" + axis(times, plotStart, width);
    }

    /** A line {@code indent + width} wide holding dates under the dot columns of their bars. */
    static String axis(long[] times, int indent, int width) {
        boolean daily = true;
        for (long t : times) daily &= t % IsoTime.DAY == 0;
        char[] line = new char[indent + width];
        java.util.Arrays.fill(line, ' ');
        String first = when(times[0], daily), last = when(times[times.length - 1], daily);
        put(line, indent, first);
        if (indent + first.length() + 2 + last.length() <= line.length) put(line, line.length - last.length(), last);
        // dates between the two ends, their centres evenly spaced between the ends' centres, 4 spaces apart at least
        int gap = 4, len = first.length();
        int between = Math.max(0, (width - len) / (len + gap) - 1);
        for (int k = 1; k <= between; k++) {
            int centre = len / 2 + (int) ((long) (width - len) * k / (between + 1));
            // the bar under this character (each character holds 2 dot columns, the values spread over them)
            String text = when(times[(int) Math.min(times.length - 1, (long) centre * times.length / width)], daily);
            put(line, indent + centre - text.length() / 2, text);
        }
        return new String(line).stripTrailing();
    }

    private static String when(long millis, boolean daily) {
        return daily ? IsoTime.date(millis) : IsoTime.minute(millis);
    }

    private static void put(char[] line, int at, String text) {
        text.getChars(0, Math.max(0, Math.min(text.length(), line.length - at)), line, at);
    }

    /**
     * One character per value, or per equal slice of values (their mean) when there are more
     * values than {@code width}: ▁ for the lowest, █ for the highest, a space for NaN.
     */
    public static String sparkline(double[] values, int width) {
        if (width < 1) throw new IllegalArgumentException("width must be positive: " + width);
        int n = Math.min(width, values.length);
        double[] slice = new double[n];
        for (int c = 0; c < n; c++) {
            int from = (int) ((long) c * values.length / n), to = (int) ((long) (c + 1) * values.length / n);
            double sum = 0;
            int count = 0;
            for (int i = from; i < to; i++) {
                if (Double.isNaN(values[i])) continue;
                sum += values[i];
                count++;
            }
            slice[c] = count == 0 ? Double.NaN : sum / count;
        }
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : slice) {
            if (Double.isNaN(v)) continue;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        StringBuilder out = new StringBuilder(n);
        for (double v : slice) {
            if (Double.isNaN(v)) {
                out.append(' ');
                continue;
            }
            int level = max > min ? (int) Math.round((v - min) / (max - min) * (BLOCKS.length - 1)) : BLOCKS.length / 2;
            out.append(BLOCKS[level]);
        }
        return out.toString();
    }

    /** Dot row of a value: 0 at the top (max), rows-1 at the bottom (min); flat series sit in the middle. */
    private static int row(double v, double min, double max, int rows) {
        if (max == min) return rows / 2;
        return (int) Math.round((max - v) / (max - min) * (rows - 1));
    }

    /** Two decimals below 1,000, whole numbers with thousands separators above. */
    static String label(double v) {
        return Math.abs(v) < 1000 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.US, "%,.0f", v);
    }
}
