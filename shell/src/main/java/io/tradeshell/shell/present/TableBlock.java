package io.tradeshell.shell.present;

import java.util.List;

/**
 * A table as data: its columns (a name and whether it is right-aligned, as numbers are) and its
 * rows of cells. The console draws it with a bold header over a rule; a report as an HTML or
 * Markdown table.
 *
 * @param indent what the console puts before each line of it
 */
public record TableBlock(List<Column> columns, List<List<Line>> rows, String indent) {
    public record Column(String name, boolean right) { }

    public TableBlock {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** A row of one muted ellipsis per column, standing for rows left out between a head and a tail. */
    public static boolean isGap(List<Line> row) {
        return row.stream().allMatch(cell -> cell.text().equals("…") || cell.spans().isEmpty());
    }
}
