package io.tradeshell.shell.console.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * An aligned text table: a bold header, a rule, then rows; numbers right-aligned. Cells may
 * carry a style (a loss in red) that plain output drops.
 */
public final class Table {
    private final String[] headers;
    private final boolean[] right;
    private final List<AttributedString[]> rows = new ArrayList<>();
    private String indent = "";

    private Table(String... headers) {
        this.headers = headers.clone();
        this.right = new boolean[headers.length];
    }

    public static Table of(String... headers) {
        return new Table(headers);
    }

    /** Right-aligns these columns (numbers). */
    public Table right(int... columns) {
        for (int c : columns) right[c] = true;
        return this;
    }

    public Table indent(String indent) {
        this.indent = indent;
        return this;
    }

    public Table row(Object... cells) {
        AttributedString[] r = new AttributedString[headers.length];
        for (int c = 0; c < headers.length; c++) {
            Object cell = c < cells.length ? cells[c] : "";
            r[c] = cell instanceof AttributedString a ? a : new AttributedString(String.valueOf(cell));
        }
        rows.add(r);
        return this;
    }

    /** A row of one dim ellipsis per column, between a head and a tail. */
    public Table gap() {
        AttributedString[] r = new AttributedString[headers.length];
        Arrays.fill(r, new AttributedString("…", Styles.DIM));
        rows.add(r);
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** Columns the table takes with no column cut short. */
    public int width() {
        int total = indent.length();
        for (int c = 0; c < headers.length; c++) {
            int w = headers[c].length();
            for (AttributedString[] r : rows) w = Math.max(w, r[c].columnLength());
            total += w + (c == 0 ? 0 : 2);
        }
        return total;
    }

    public AttributedString render() {
        return render(Integer.MAX_VALUE);
    }

    /** The table at most {@code maxWidth} columns wide: the last column's cells are cut short with '…' if need be. */
    public AttributedString render(int maxWidth) {
        int[] w = new int[headers.length];
        for (int c = 0; c < headers.length; c++) w[c] = headers[c].length();
        for (AttributedString[] r : rows) for (int c = 0; c < w.length; c++) w[c] = Math.max(w[c], r[c].columnLength());
        int last = headers.length - 1;
        int others = indent.length();
        for (int c = 0; c < last; c++) others += w[c] + 2;
        if (others + w[last] > maxWidth && !right[last]) {
            int room = Math.max(headers[last].length(), Math.max(8, maxWidth - others));
            if (room < w[last]) {
                w[last] = room;
                for (AttributedString[] r : rows) {
                    if (r[last].columnLength() > room) r[last] = new AttributedStringBuilder().append(r[last].columnSubSequence(0, room - 1)).append("…").toAttributedString();
                }
            }
        }
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append(indent);
        for (int c = 0; c < headers.length; c++) {
            cell(b, new AttributedString(headers[c], Styles.HEADER), w[c], right[c], c, headers.length);
        }
        b.append('\n').append(indent);
        int total = 0;
        for (int c = 0; c < w.length; c++) total += w[c] + (c == 0 ? 0 : 2);
        b.append("─".repeat(total), Styles.DIM);
        for (AttributedString[] r : rows) {
            b.append('\n').append(indent);
            for (int c = 0; c < r.length; c++) cell(b, r[c], w[c], right[c], c, r.length);
        }
        return b.toAttributedString();
    }

    private static void cell(AttributedStringBuilder b, AttributedString text, int width, boolean right, int column, int columns) {
        if (column > 0) b.append("  ");
        int pad = Math.max(0, width - text.columnLength());
        if (right) b.append(" ".repeat(pad));
        b.append(text);
        if (!right && column < columns - 1) b.append(" ".repeat(pad));
    }

    /** A cell styled as a gain or a loss by the sign of {@code value}. */
    public static AttributedString signed(String text, double value) {
        AttributedStyle style = value > 0 ? Styles.GAIN : value < 0 ? Styles.LOSS : Styles.PLAIN;
        return new AttributedString(text, style);
    }
}
