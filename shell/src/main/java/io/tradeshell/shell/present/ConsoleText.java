package io.tradeshell.shell.present;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * Views as the console prints them: text as it is, tables as a bold header, a rule of '─' and
 * aligned rows, numbers right-aligned. The console's output turns this into escape codes on a
 * terminal and into plain text in pipes.
 */
public final class ConsoleText {
    private ConsoleText() { }

    public static AttributedString render(View view) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        for (View.Part p : view.parts()) {
            switch (p) {
                case View.Text t -> b.append(t.text());
                case View.Table t -> b.append(render(t.table()));
            }
        }
        return b.toAttributedString();
    }

    public static AttributedString render(TableBlock table) {
        var columns = table.columns();
        int n = columns.size();
        int[] w = new int[n];
        for (int c = 0; c < n; c++) w[c] = columns.get(c).name().length();
        for (var r : table.rows()) for (int c = 0; c < n; c++) w[c] = Math.max(w[c], width(r.get(c)));
        String indent = table.indent();
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append(indent);
        for (int c = 0; c < n; c++) {
            cell(b, new AttributedString(columns.get(c).name(), Tone.HEADER.style()), w[c], columns.get(c).right(), c, n);
        }
        b.append('\n').append(indent);
        int total = 0;
        for (int c = 0; c < n; c++) total += w[c] + (c == 0 ? 0 : 2);
        b.append("─".repeat(total), Tone.MUTED.style());
        for (var r : table.rows()) {
            b.append('\n').append(indent);
            for (int c = 0; c < n; c++) cell(b, styled(r.get(c)), w[c], columns.get(c).right(), c, n);
        }
        return b.toAttributedString();
    }

    /** A line's text with each piece in its tone's console style. */
    public static AttributedString styled(Line line) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        for (Line.Span s : line.spans()) b.append(s.text(), s.tone().style());
        return b.toAttributedString();
    }

    private static int width(Line cell) {
        return styled(cell).columnLength();
    }

    private static void cell(AttributedStringBuilder b, AttributedString text, int width, boolean right, int column, int columns) {
        if (column > 0) b.append("  ");
        int pad = Math.max(0, width - text.columnLength());
        if (right) b.append(" ".repeat(pad));
        b.append(text);
        if (!right && column < columns - 1) b.append(" ".repeat(pad));
    }
}
