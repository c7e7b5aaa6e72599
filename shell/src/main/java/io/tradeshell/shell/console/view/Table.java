package io.tradeshell.shell.console.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.tradeshell.shell.present.ConsoleText;
import io.tradeshell.shell.present.Line;
import io.tradeshell.shell.present.TableBlock;
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
        return ConsoleText.render(block(maxWidth));
    }

    /** The table as data, for a view that shows it among other output. */
    public TableBlock block() {
        return block(Integer.MAX_VALUE);
    }

    /** The table as data, its last column's cells cut short with '…' so it fits {@code maxWidth} columns on the console. */
    public TableBlock block(int maxWidth) {
        int[] w = new int[headers.length];
        for (int c = 0; c < headers.length; c++) w[c] = headers[c].length();
        for (AttributedString[] r : rows) for (int c = 0; c < w.length; c++) w[c] = Math.max(w[c], r[c].columnLength());
        int last = headers.length - 1;
        int others = indent.length();
        for (int c = 0; c < last; c++) others += w[c] + 2;
        int room = Integer.MAX_VALUE;
        if (others + w[last] > maxWidth && !right[last]) room = Math.max(headers[last].length(), Math.max(8, maxWidth - others));
        List<TableBlock.Column> columns = new ArrayList<>();
        for (int c = 0; c < headers.length; c++) columns.add(new TableBlock.Column(headers[c], right[c]));
        List<List<Line>> cells = new ArrayList<>();
        for (AttributedString[] r : rows) {
            List<Line> row = new ArrayList<>();
            for (int c = 0; c < r.length; c++) {
                AttributedString cell = r[c];
                if (c == last && room < w[last] && cell.columnLength() > room) {
                    cell = new AttributedStringBuilder().append(cell.columnSubSequence(0, room - 1)).append("…").toAttributedString();
                }
                row.add(Line.of(cell));
            }
            cells.add(row);
        }
        return new TableBlock(columns, cells, indent);
    }

    /** A cell styled as a gain or a loss by the sign of {@code value}. */
    public static AttributedString signed(String text, double value) {
        AttributedStyle style = value > 0 ? Styles.GAIN : value < 0 ? Styles.LOSS : Styles.PLAIN;
        return new AttributedString(text, style);
    }
}
