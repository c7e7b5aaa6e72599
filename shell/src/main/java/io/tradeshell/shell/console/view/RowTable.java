package io.tradeshell.shell.console.view;

import io.tradeshell.shell.present.View;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jline.utils.AttributedString;

/**
 * Rows of named values that a snippet built, such as one row of figures per bar period:
 * what {@code table([[period: '1m', bars: 9399], [period: '1h', bars: 160]])} returns.
 * Columns are the rows' keys in the order first seen; numbers are right-aligned, with the same
 * decimals down a column.
 */
public record RowTable(List<String> columns, List<Map<String, Object>> rows) {
    public RowTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A table from maps; anything else in the list is refused. */
    public static RowTable of(List<?> rows) {
        Set<String> columns = new LinkedHashSet<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object r : rows) {
            if (!(r instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("a table of rows takes maps, such as [period: '1m', bars: 9399], got "
                        + (r == null ? "null" : r.getClass().getSimpleName()));
            }
            java.util.LinkedHashMap<String, Object> row = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> row.put(String.valueOf(k), v));
            columns.addAll(row.keySet());
            out.add(row);
        }
        return new RowTable(new ArrayList<>(columns), out);
    }

    public int size() {
        return rows.size();
    }

    public View render() {
        Table t = Table.of(columns.toArray(String[]::new));
        int[] decimals = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            List<Object> values = rows.stream().map(r -> r.get(name)).toList();
            if (values.stream().allMatch(v -> v == null || v instanceof Number)) t.right(c);
            double largest = values.stream().filter(v -> v instanceof Number).mapToDouble(v -> Math.abs(((Number) v).doubleValue()))
                    .filter(Double::isFinite).max().orElse(0);
            // one number of decimals per column, so the figures line up: fewer once they are large
            decimals[c] = largest >= 10 ? 2 : 4;
        }
        for (Map<String, Object> r : rows) {
            Object[] cells = new Object[columns.size()];
            for (int c = 0; c < cells.length; c++) cells[c] = cell(r.get(columns.get(c)), decimals[c]);
            t.row(cells);
        }
        return View.of(t.block());
    }

    private static String cell(Object v, int decimals) {
        return switch (v) {
            case null -> "";
            case Integer i -> String.format(Locale.ROOT, "%,d", i);
            case Long l -> String.format(Locale.ROOT, "%,d", l);
            case java.math.BigInteger b -> String.format(Locale.ROOT, "%,d", b);
            case Number n when Double.isFinite(n.doubleValue()) -> String.format(Locale.ROOT, "%,." + decimals + "f", n.doubleValue());
            case Number n -> "n/a";
            default -> String.valueOf(v);
        };
    }

    @Override
    public String toString() {
        return render().toString();
    }
}
