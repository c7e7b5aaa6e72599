package io.tradeshell.shell.console.data;

import io.tradeshell.engine.time.IsoTime;
import io.tradeshell.engine.data.BarPeriods;
import io.tradeshell.engine.data.LoadedSeries;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.PriceIndicator.Column;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.run.DataInput;
import io.tradeshell.shell.app.trading.ProjectHome;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Market data loaded in the console: the whole history of one symbol, for exploration rather
 * than for a strategy. Its columns are indicators ({@code aapl.close}), so every indicator and
 * Groovy operator works on them directly.
 */
public final class Dataset {
    private final String name;
    private final LoadedSeries loaded;
    private final Map<Column, PriceIndicator> columns = new EnumMap<>(Column.class);

    public Dataset(String name, LoadedSeries loaded) {
        this.name = name;
        this.loaded = loaded;
    }

    /** The name the console knows it by, such as {@code aapl}. */
    public String name() { return name; }

    public String symbol() { return loaded.series().symbol(); }

    public BarSeries bars() { return loaded.series(); }

    public Path file() { return loaded.file(); }

    public LoadedSeries loaded() { return loaded; }

    /** This history as a run's input. */
    public DataInput input() {
        return new DataInput(loaded.series(), ProjectHome.display(loaded.file()), loaded.sha256(), loaded.notes());
    }

    // ---- what Groovy sees ----------------------------------------------------------------

    public String getName() { return name; }
    public String getSymbol() { return symbol(); }
    public BarSeries getBars() { return bars(); }
    public PriceIndicator getOpen() { return column(Column.OPEN); }
    public PriceIndicator getHigh() { return column(Column.HIGH); }
    public PriceIndicator getLow() { return column(Column.LOW); }
    public PriceIndicator getClose() { return column(Column.CLOSE); }
    public PriceIndicator getVolume() { return column(Column.VOLUME); }

    public int size() { return loaded.series().size(); }

    /** Rows, date range, gaps and return statistics. */
    public DataDescription describe() { return DataDescription.of(this); }

    /** The first {@code n} bars, printed as a table. */
    public BarRange head(int n) { return new BarRange(bars(), 0, Math.min(n, size())); }
    public BarRange head() { return head(10); }

    /** The last {@code n} bars, printed as a table. */
    public BarRange tail(int n) { return new BarRange(bars(), Math.max(0, size() - n), size()); }
    public BarRange tail() { return tail(10); }

    private PriceIndicator column(Column c) {
        return columns.computeIfAbsent(c, k -> new PriceIndicator(loaded.series(), k));
    }

    /** One line: symbol, bars, period, range and file. */
    @Override
    public String toString() {
        BarSeries s = bars();
        StringBuilder b = new StringBuilder(symbol()).append(": ").append(String.format("%,d", s.size())).append(" bars");
        if (s.size() > 0) {
            b.append(" of ").append(BarPeriods.format(s.period())).append(", ")
                    .append(IsoTime.readable(s.openTime(0), s.periodMillis())).append(" .. ")
                    .append(IsoTime.readable(s.openTime(s.lastIndex()), s.periodMillis()));
        }
        if (loaded.kind() == LoadedSeries.Kind.TICKS) b.append(", built from trades");
        return b.append(" (").append(ProjectHome.display(loaded.file())).append(')').toString();
    }
}
