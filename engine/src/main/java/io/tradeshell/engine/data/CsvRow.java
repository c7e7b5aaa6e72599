package io.tradeshell.engine.data;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.Arrays;

/**
 * The current CSV row, filled by FastCSV field by field into reused char arrays (trimmed
 * of surrounding blanks), so reading a million rows creates no strings. The same instance
 * is handed out for every row: read it before asking for the next.
 */
final class CsvRow extends AbstractBaseCsvCallbackHandler<CsvRow> {
    private char[][] chars = new char[8][32];
    private int[] lengths = new int[8];

    @Override
    protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
        int start = offset;
        int end = offset + len;
        while (start < end && isBlank(buf[start])) start++;
        while (end > start && isBlank(buf[end - 1])) end--;
        int n = end - start;
        if (index >= chars.length) {
            int cap = Math.max(index + 1, chars.length * 2);
            chars = Arrays.copyOf(chars, cap);
            lengths = Arrays.copyOf(lengths, cap);
        }
        char[] target = chars[index];
        if (target == null || target.length < n) {
            target = new char[Math.max(32, n)];
            chars[index] = target;
        }
        System.arraycopy(buf, start, target, 0, n);
        lengths[index] = n;
    }

    @Override
    protected CsvRow buildRecord() {
        return this;
    }

    /** The 1-based physical line the row starts on. */
    long line() {
        return getStartingLineNumber();
    }

    int fieldCount() {
        return getFieldCount();
    }

    char[] chars(int field) {
        return chars[field];
    }

    int length(int field) {
        return lengths[field];
    }

    /** The field as text; for headers and messages, not for the per-row path. */
    String text(int field) {
        return new String(chars[field], 0, lengths[field]);
    }

    private static boolean isBlank(char ch) {
        return ch == ' ' || ch == '\t';
    }
}
