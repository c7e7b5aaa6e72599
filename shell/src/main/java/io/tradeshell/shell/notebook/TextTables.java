package io.tradeshell.shell.notebook;

import io.tradeshell.shell.notebook.AnsiText.Line;
import io.tradeshell.shell.notebook.AnsiText.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Printed text cut into plain lines and the console's tables, so a report can show the tables
 * as tables. A console table is a line of bold column names over a rule of '─', then its rows;
 * columns are told apart by the blank stretch of at least two columns that runs down every row
 * between two names. The rows end at a blank line, at a line wider than the rule or starting
 * left of it, or at the first line that would fill one of those blank stretches.
 */
final class TextTables {
    private static final char RULE = '─';

    private TextTables() { }

    /** A stretch of printed output: plain lines, or a table. */
    sealed interface Block permits Lines, Grid { }

    record Lines(List<Line> lines) implements Block { }

    /**
     * A table: its column names, its rows of styled cells, and which columns are right-aligned (numbers).
     *
     * @param rows each row's cells, each cell its styled runs with the padding trimmed
     */
    record Grid(List<String> header, List<List<List<Run>>> rows, boolean[] right) implements Block { }

    static List<Block> blocks(List<Line> lines) {
        List<Block> out = new ArrayList<>();
        List<Line> pending = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Optional<Found> table = tableAt(lines, i);
            if (table.isEmpty()) {
                pending.add(lines.get(i++));
                continue;
            }
            if (!pending.isEmpty()) {
                out.add(new Lines(pending));
                pending = new ArrayList<>();
            }
            out.add(table.get().grid());
            i = table.get().end();
        }
        if (!pending.isEmpty()) out.add(new Lines(pending));
        return out;
    }

    private record Found(Grid grid, int end) { }

    /** The table whose header is line {@code i}, if there is one. */
    private static Optional<Found> tableAt(List<Line> lines, int i) {
        if (i + 1 >= lines.size()) return Optional.empty();
        Line header = lines.get(i), rule = lines.get(i + 1);
        if (!isRule(rule.text())) return Optional.empty();
        List<int[]> names = boldCells(header);
        if (names.isEmpty()) return Optional.empty();
        List<Line> rows = new ArrayList<>();
        int j = i + 2;
        List<int[]> seps = separators(names, header, rows);
        if (seps == null) return Optional.empty();
        int indent = rule.length() - rule.text().stripLeading().length();
        while (j < lines.size() && fits(lines.get(j), indent, rule.length())) {
            rows.add(lines.get(j));
            List<int[]> s = separators(names, header, rows);
            if (s == null) {
                rows.remove(rows.size() - 1);
                break;
            }
            seps = s;
            j++;
        }
        if (rows.isEmpty()) return Optional.empty();
        int columns = names.size();
        int[] from = new int[columns], to = new int[columns];
        for (int c = 0; c < columns; c++) {
            from[c] = c == 0 ? 0 : seps.get(c - 1)[1];
            to[c] = c == columns - 1 ? Integer.MAX_VALUE : seps.get(c)[0];
        }
        List<String> head = new ArrayList<>();
        for (int[] n : names) head.add(header.text().substring(n[0], n[1]));
        List<List<List<Run>>> cells = new ArrayList<>();
        for (Line row : rows) {
            List<List<Run>> r = new ArrayList<>();
            for (int c = 0; c < columns; c++) r.add(trim(row.runs(from[c], to[c])));
            cells.add(r);
        }
        boolean[] right = new boolean[columns];
        for (int c = 0; c < columns; c++) right[c] = rightAligned(header, rows, from[c], to[c]);
        return Optional.of(new Found(new Grid(head, cells, right), j));
    }

    /** A row starts no further left than the table and ends no further right. */
    private static boolean fits(Line row, int indent, int width) {
        if (row.blank() || row.length() > width) return false;
        for (int x = 0; x < indent; x++) if (!row.spaceAt(x)) return false;
        return true;
    }

    private static boolean isRule(String text) {
        String t = text.strip();
        if (t.isEmpty() || !text.endsWith(t)) return false;
        for (int k = 0; k < t.length(); k++) if (t.charAt(k) != RULE) return false;
        return true;
    }

    /** The [start, end) of each bold stretch of a header line; none when anything else on it is not blank. */
    private static List<int[]> boldCells(Line header) {
        List<int[]> out = new ArrayList<>();
        String t = header.text();
        int c = 0;
        while (c < t.length()) {
            if (!header.styleAt(c).bold()) {
                if (t.charAt(c) != ' ') return List.of();
                c++;
                continue;
            }
            int start = c;
            while (c < t.length() && header.styleAt(c).bold()) c++;
            int end = c;
            while (end > start && t.charAt(end - 1) == ' ') end--;
            int s = start;
            while (s < end && t.charAt(s) == ' ') s++;
            if (s < end) out.add(new int[] {s, end});
        }
        return out;
    }

    /**
     * Between each two column names, the widest stretch of at least two columns blank in the
     * header and every row; null when some pair has none.
     */
    private static List<int[]> separators(List<int[]> names, Line header, List<Line> rows) {
        List<int[]> out = new ArrayList<>();
        for (int c = 0; c + 1 < names.size(); c++) {
            int from = names.get(c)[1], to = names.get(c + 1)[0];
            int bestStart = -1, bestLength = 0, runStart = -1;
            for (int x = from; x <= to; x++) {
                boolean blank = x < to && header.spaceAt(x) && allBlank(rows, x);
                if (blank && runStart < 0) runStart = x;
                if (!blank && runStart >= 0) {
                    if (x - runStart > bestLength) {
                        bestLength = x - runStart;
                        bestStart = runStart;
                    }
                    runStart = -1;
                }
            }
            if (bestLength < 2) return null;
            out.add(new int[] {bestStart, bestStart + bestLength});
        }
        return out;
    }

    private static boolean allBlank(List<Line> rows, int x) {
        for (Line r : rows) if (!r.spaceAt(x)) return false;
        return true;
    }

    /** Numbers are right-aligned: every cell of the column, its name too, ends at the same column. */
    private static boolean rightAligned(Line header, List<Line> rows, int from, int to) {
        int end = lastNonBlank(header, from, to);
        for (Line r : rows) {
            int e = lastNonBlank(r, from, to);
            if (e < 0) continue;
            if (end < 0) end = e;
            else if (e != end) return false;
        }
        return true;
    }

    private static int lastNonBlank(Line line, int from, int to) {
        for (int x = Math.min(to, line.length()) - 1; x >= from; x--) if (!line.spaceAt(x)) return x;
        return -1;
    }

    /** The runs without the blanks at either end. */
    private static List<Run> trim(List<Run> runs) {
        List<Run> out = new ArrayList<>(runs);
        while (!out.isEmpty() && out.get(0).text().isBlank()) out.remove(0);
        while (!out.isEmpty() && out.get(out.size() - 1).text().isBlank()) out.remove(out.size() - 1);
        if (out.isEmpty()) return out;
        Run first = out.get(0), last = out.get(out.size() - 1);
        out.set(0, new Run(first.text().stripLeading(), first.style()));
        last = out.get(out.size() - 1);
        out.set(out.size() - 1, new Run(last.text().stripTrailing(), last.style()));
        return out;
    }

    /** A cell's text without its styles. */
    static String text(List<Run> cell) {
        StringBuilder b = new StringBuilder();
        for (Run r : cell) b.append(r.text());
        return b.toString();
    }
}
