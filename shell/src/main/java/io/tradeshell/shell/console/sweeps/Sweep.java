package io.tradeshell.shell.console.sweeps;

import io.tradeshell.engine.optimize.Objective;
import io.tradeshell.engine.optimize.SweepResult;
import io.tradeshell.engine.optimize.SweepRow;
import io.tradeshell.report.chart.ChartFormat;
import io.tradeshell.shell.app.SweepCharts;
import io.tradeshell.shell.app.SweepTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A parameter sweep made in the console, as a value: it prints its best rows, filters
 * ({@code sweep.filter { it.trades >= 5 }}), ranks by another metric ({@code sweep.by('calmar')}),
 * charts ({@code chart(sweep)}) and saves ({@code sweep.save('runs/x')}). Iterating it goes
 * best first. Filtering keeps the count of combinations tried, so the deflated Sharpe ratio of
 * the best still accounts for every one.
 */
public final class Sweep implements Iterable<SweepEntry> {
    /** Rows shown when a sweep is printed. */
    public static final int SHOWN = 10;
    private final SweepResult result;

    public Sweep(SweepResult result) {
        this.result = result;
    }

    public SweepResult result() { return result; }

    public String getName() { return result.name(); }

    /** The metric it ranks by. */
    public String getObjective() { return result.objective().metric(); }

    /** The params that take more than one value. */
    public List<String> getSwept() { return result.space().varied(); }

    public int size() { return result.rows().size(); }

    /** Every row, in the order of the grid. */
    public List<SweepEntry> getRows() { return entries(result.rows()); }

    /** Every row, best first. */
    public List<SweepEntry> getRanked() { return entries(result.ranked()); }

    public List<SweepEntry> top(int n) { return entries(result.top(n)); }

    /** The best row; fails when no row is left. */
    public SweepEntry getBest() {
        return result.best().map(SweepEntry::new)
                .orElseThrow(() -> new IllegalArgumentException("the sweep has no rows" + (result.rows().isEmpty() ? "" : " left")));
    }

    /** The rows that pass {@code keep}, such as {@code { it.trades >= 5 }}. */
    public Sweep filter(Predicate<SweepEntry> keep) {
        return new Sweep(result.filter(row -> keep.test(new SweepEntry(row))));
    }

    /** The same rows ranked by another metric: {@code sweep.by('calmar')}. */
    public Sweep by(String metric) {
        return new Sweep(result.rankedBy(Objective.parse(metric)));
    }

    @Override
    public Iterator<SweepEntry> iterator() {
        return getRanked().iterator();
    }

    /**
     * Writes the sweep into {@code dir} as the {@code optimize} command does: {@code optimize.jsonl},
     * {@code best.json}, {@code top.txt} and its heatmap or line chart. Returns the folder.
     */
    public Path save(String dir) {
        Path d = Path.of(dir);
        result.save(d, SHOWN);
        try {
            Files.writeString(d.resolve("top.txt"), SweepTable.render(result, SHOWN), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + d.resolve("top.txt") + ": " + e.getMessage(), e);
        }
        SweepCharts.write(result, d, ChartFormat.PNG, List.of());
        return d;
    }

    private static List<SweepEntry> entries(List<SweepRow> rows) {
        return rows.stream().map(SweepEntry::new).toList();
    }

    /** One line: the sweep, its size and its best row. */
    @Override
    public String toString() {
        String head = result.name() + " sweep: " + size() + " combination" + (size() == 1 ? "" : "s") + " by " + getObjective()
                + (result.stoppedEarly() ? " (stopped early)" : "");
        return result.best().map(b -> head + ", best " + new SweepEntry(b)).orElse(head + ", no rows");
    }
}
