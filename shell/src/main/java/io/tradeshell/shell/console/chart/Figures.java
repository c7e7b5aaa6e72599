package io.tradeshell.shell.console.chart;

import io.tradeshell.report.chart.ComparisonChart;
import io.tradeshell.report.chart.NamedCurve;
import io.tradeshell.shell.app.SweepCharts;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.console.sweeps.Sweep;
import io.tradeshell.shell.console.sweeps.WalkForwardRun;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code chart(...)} draws from what it is given: a run's equity, price or drawdown; runs'
 * equity side by side; a sweep's heatmap or line; a walk-forward's stitched equity.
 */
public final class Figures {
    private Figures() { }

    /**
     * {@code chart(bt)}, {@code chart(bt, 'price')}, {@code chart(bt1, bt2)}, {@code chart(sweep)},
     * {@code chart(sweep, 'fast')}, {@code chart(sweep, 'fast', 'slow')}, {@code chart(wf)}; named
     * runs ({@code chart(open: bt1, close: bt2)}) are compared under those names.
     */
    public static Figure chart(ChartRenderer renderer, Map<String, ?> named, Object... args) {
        List<Object> all = flatten(args);
        if (!named.isEmpty()) return compare(named(named), named.containsKey("title") ? Optional.of(String.valueOf(named.get("title"))) : Optional.empty());
        if (all.isEmpty()) throw usage("chart needs something to draw");
        Object first = all.get(0);
        List<String> words = new ArrayList<>();
        for (Object o : all.subList(1, all.size())) {
            if (o instanceof CharSequence s) words.add(s.toString());
        }
        return switch (first) {
            case SessionRun run when all.size() > 1 && all.stream().allMatch(SessionRun.class::isInstance) -> compare(byLabel(all), Optional.empty());
            case SessionRun run -> new RunFigure(run, kind(words), renderer);
            case Sweep sweep -> sweep(sweep, words);
            case WalkForwardRun walk -> walk(walk);
            default -> throw usage("chart cannot draw " + first.getClass().getSimpleName());
        };
    }

    private static ChartKind kind(List<String> words) {
        if (words.isEmpty()) return ChartKind.EQUITY;
        if (words.size() > 1) throw usage("a run has one chart at a time: price, equity or drawdown");
        return ChartKind.find(words.get(0)).orElseThrow(() -> usage("'" + words.get(0) + "' is not a chart of a run (price, equity or drawdown)"));
    }

    private static Figure sweep(Sweep sweep, List<String> params) {
        SweepCharts.check(params, sweep.result().space().names());
        List<String> used = params.isEmpty() ? sweep.getSwept() : params;
        if (used.isEmpty()) throw new IllegalArgumentException("the sweep varies no param, so there is nothing to chart");
        String what = used.size() >= 2 ? "heatmap of " + sweep.getObjective() + " over " + used.get(0) + " and " + used.get(1)
                : sweep.getObjective() + " over " + used.get(0);
        String name = "sweep-" + (used.size() >= 2 ? "heatmap-" + used.get(0) + "-" + used.get(1) : "line-" + used.get(0));
        return new ChartFigure(name, what + " of the " + sweep.getName() + " sweep",
                () -> SweepCharts.chart(sweep.result(), params).orElseThrow(() -> new IllegalArgumentException("no combination has a value to chart")),
                Optional.empty());
    }

    private static Figure walk(WalkForwardRun walk) {
        return new ChartFigure("walkforward", "out-of-sample equity of the " + walk.getName() + " walk-forward",
                () -> SweepCharts.walkForwardChart(walk.result()).orElseThrow(() -> new IllegalArgumentException("the walk-forward has no out-of-sample bars")),
                Optional.of(new ChartFigure.TextLine("stitched out-of-sample equity", walk.result().stitched().equity(), walk.result().stitched().time())));
    }

    /** Equity curves of runs on one chart; the caption is the title when there is one, else the runs' names. */
    private static Figure compare(Map<String, SessionRun> runs, Optional<String> title) {
        String ids = String.join("-", runs.values().stream().map(r -> String.valueOf(r.id())).toList());
        String heading = title.orElse("Equity compared");
        return new ChartFigure("runs-" + ids, title.orElse("equity of " + String.join("; ", runs.keySet())), () -> {
            List<NamedCurve> curves = new ArrayList<>();
            for (var e : runs.entrySet()) {
                var curve = e.getValue().result().curve();
                if (curve.size() == 0) throw new IllegalArgumentException("run #" + e.getValue().id() + " has no bars to chart");
                curves.add(new NamedCurve(e.getKey(), curve.time(), curve.equity()));
            }
            return ComparisonChart.render(heading, curves);
        }, Optional.empty());
    }

    private static Map<String, SessionRun> byLabel(List<Object> runs) {
        Map<String, SessionRun> out = new LinkedHashMap<>();
        for (Object o : runs) {
            SessionRun r = (SessionRun) o;
            out.put(r.label(), r);
        }
        return out;
    }

    private static Map<String, SessionRun> named(Map<String, ?> named) {
        Map<String, SessionRun> out = new LinkedHashMap<>();
        for (var e : named.entrySet()) {
            if (e.getKey().equals("title")) continue;
            if (!(e.getValue() instanceof SessionRun r)) {
                throw usage("named charts compare runs, such as chart(open: bt1, close: bt2); '" + e.getKey() + "' is "
                        + (e.getValue() == null ? "null" : e.getValue().getClass().getSimpleName()));
            }
            out.put(e.getKey(), r);
        }
        if (out.isEmpty()) throw usage("chart needs runs to compare");
        return out;
    }

    private static List<Object> flatten(Object[] args) {
        List<Object> out = new ArrayList<>();
        for (Object a : args) {
            if (a == null) throw usage("chart got null: is the variable set?");
            if (a instanceof Collection<?> c) out.addAll(flatten(c.toArray()));
            else out.add(a);
        }
        return out;
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "; chart(run[, 'price'|'equity'|'drawdown']), chart(run1, run2, ...), "
                + "chart(sweep[, 'x'[, 'y']]), chart(walkforward)");
    }
}
