package io.tradeshell.shell.console.view;

import io.tradeshell.shell.present.View;
import io.tradeshell.engine.indicators.Indicator;
import java.util.List;
import org.jline.utils.AttributedString;

/** Named indicators of one dataset, to be printed side by side: what {@code table(...)} returns. */
public record SeriesTable(List<String> names, List<Indicator> columns) {
    public SeriesTable {
        names = List.copyOf(names);
        columns = List.copyOf(columns);
        if (columns.isEmpty()) throw new IllegalArgumentException("table() needs at least one indicator");
    }

    public View render(int edge) {
        return IndicatorTable.columns(columns, names, edge);
    }

    @Override
    public String toString() {
        return render(5).toString();
    }
}
