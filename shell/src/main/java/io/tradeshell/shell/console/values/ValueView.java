package io.tradeshell.shell.console.values;

import io.tradeshell.shell.present.View;
import io.tradeshell.engine.time.IsoTime;
import groovy.lang.Closure;
import io.tradeshell.engine.indicators.BollingerBands;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.Macd;
import io.tradeshell.engine.metrics.RunMetrics;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.trade.ClosedTrade;
import io.tradeshell.shell.console.data.BarRange;
import io.tradeshell.shell.console.data.BarTable;
import io.tradeshell.shell.console.data.DataDescription;
import io.tradeshell.shell.console.data.Dataset;
import io.tradeshell.shell.console.data.DescriptionView;
import io.tradeshell.shell.console.groovy.Signal;
import io.tradeshell.shell.console.modes.Parity;
import io.tradeshell.shell.console.modes.ParityView;
import io.tradeshell.shell.console.runs.RunViews;
import io.tradeshell.shell.console.runs.SessionRun;
import io.tradeshell.shell.console.sweeps.Sweep;
import io.tradeshell.shell.console.sweeps.SweepEntry;
import io.tradeshell.shell.console.sweeps.SweepViews;
import io.tradeshell.shell.console.sweeps.WalkForwardRun;
import io.tradeshell.shell.console.view.IndicatorTable;
import io.tradeshell.shell.console.view.Numbers;
import io.tradeshell.shell.console.view.RowTable;
import io.tradeshell.shell.console.view.SeriesTable;
import io.tradeshell.shell.console.view.Styles;
import io.tradeshell.shell.console.view.Table;
import io.tradeshell.shell.app.trading.MetricsFormat;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * How a value the user evaluated reads: a series shows its head and tail, a run its key
 * figures, a dataset its range and first and last bars; anything else its own text, and never
 * a bare object id.
 */
public final class ValueView {
    private static final int EDGE = 5;
    private static final int MAX_TEXT = 4000;

    private ValueView() { }

    /** The full rendering, shown when an expression is evaluated on its own. */
    public static View full(Object v) {
        return switch (v) {
            case null -> View.of(new AttributedString("null", Styles.DIM));
            case Indicator i -> IndicatorTable.render(i, EDGE);
            case Dataset d -> View.builder().append(d.toString(), Styles.NAME).append('\n')
                    .append(BarTable.headAndTail(d.bars(), EDGE)).build();
            case BarSeries s -> View.builder().append(s.toString(), Styles.NAME).append('\n')
                    .append(BarTable.headAndTail(s, EDGE)).build();
            case BarRange r -> BarTable.render(r);
            case DataDescription d -> View.of(DescriptionView.render(d));
            case SessionRun r -> RunViews.summary(r);
            case RunMetrics m -> metrics(m);
            case Macd m -> IndicatorTable.columns(List.of(m.line(), m.signal(), m.histogram()), List.of("line", "signal", "histogram"), EDGE);
            case BollingerBands bb -> IndicatorTable.columns(List.of(bb.upper(), bb.middle(), bb.lower()), List.of("upper", "middle", "lower"), EDGE);
            case SeriesTable t -> t.render(EDGE);
            case RowTable t -> t.render();
            case Signal s -> View.of(new AttributedString(signal(s)));
            case Sweep s -> SweepViews.sweep(s, Sweep.SHOWN);
            case WalkForwardRun w -> SweepViews.walkForward(w);
            case Parity p -> ParityView.render(p);
            default -> trades(v).or(() -> sweepRows(v)).orElseGet(() -> View.of(new AttributedString(text(v))));
        };
    }

    /** One line, shown after an assignment such as {@code r = rsi(aapl.close, 14)}. */
    public static String brief(Object v) {
        return switch (v) {
            case null -> "null";
            case Indicator i -> IndicatorTable.brief(i);
            case Dataset d -> d.toString();
            case SessionRun r -> r.toString();
            case Signal s -> signal(s);
            case Sweep s -> s.toString();
            case Parity p -> p.toString();
            case RowTable t -> "table of " + t.size() + " row" + (t.size() == 1 ? "" : "s") + ": " + String.join(", ", t.columns());
            case WalkForwardRun w -> w.toString();
            case BarRange r -> r.size() + " bars of " + r.bars().symbol();
            case DataDescription d -> d.symbol() + ": " + d.bars() + " bars described";
            case Macd m -> "MACD line " + Numbers.value(m.line().last()) + ", signal " + Numbers.value(m.signal().last())
                    + ", histogram " + Numbers.value(m.histogram().last());
            case BollingerBands bb -> "Bollinger upper " + Numbers.value(bb.upper().last()) + ", middle "
                    + Numbers.value(bb.middle().last()) + ", lower " + Numbers.value(bb.lower().last());
            default -> {
                String t = text(v);
                int nl = t.indexOf('\n');
                yield nl < 0 ? t : t.substring(0, nl) + " …";
            }
        };
    }

    /** {@code over(close, 500) on AAPL: holds on 120 of 252 bars, last 2013-12-31}. */
    private static String signal(Signal s) {
        List<Integer> at = s.indexes();
        BarSeries b = s.bars();
        StringBuilder t = new StringBuilder(s.toString()).append(" on ").append(b.symbol()).append(": holds on ")
                .append(at.size()).append(" of ").append(b.size()).append(" bars");
        if (!at.isEmpty()) {
            t.append(", last ").append(IsoTime.readable(b.openTime(at.get(at.size() - 1)), b.periodMillis()));
            if (at.size() <= 12) {
                t.append("\n  ");
                for (int k = 0; k < at.size(); k++) t.append(k == 0 ? "" : ", ").append(IsoTime.readable(b.openTime(at.get(k)), b.periodMillis()));
            }
        }
        return t.toString();
    }

    private static View metrics(RunMetrics m) {
        Table t = Table.of("metric", "value").right(1);
        for (var e : MetricsFormat.shown(m).entrySet()) t.row(MetricsFormat.label(e.getKey()), MetricsFormat.value(e.getKey(), e.getValue()));
        return View.of(t.block());
    }

    private static java.util.Optional<View> sweepRows(Object v) {
        if (!(v instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(SweepEntry.class::isInstance)) return java.util.Optional.empty();
        return java.util.Optional.of(SweepViews.rows(list.stream().map(SweepEntry.class::cast).toList()));
    }

    private static java.util.Optional<View> trades(Object v) {
        if (!(v instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof ClosedTrade)) return java.util.Optional.empty();
        Table t = Table.of("symbol", "side", "qty", "entry", "price", "exit", "price", "pnl", "return").right(2, 4, 6, 7, 8);
        for (Object o : list) {
            if (!(o instanceof ClosedTrade c)) return java.util.Optional.empty();
            t.row(c.symbol(), c.side(), Numbers.quantity(c.qty()), IsoTime.readable(c.entryTime().toEpochMilli()), Numbers.value(c.entryPrice()),
                    IsoTime.readable(c.exitTime().toEpochMilli()), Numbers.value(c.exitPrice()), Table.signed(Numbers.money(c.pnl()), c.pnl()),
                    Table.signed(Numbers.percent(c.returnFraction()), c.returnFraction()));
        }
        return java.util.Optional.of(View.of(t.block()));
    }

    /** A value's own text, bounded; objects without a text of their own show their properties. */
    public static String text(Object v) {
        String s;
        if (v instanceof Closure<?> c) {
            s = "closure(" + c.getMaximumNumberOfParameters() + " parameter" + (c.getMaximumNumberOfParameters() == 1 ? "" : "s") + ")";
        } else if (v instanceof double[] a) {
            s = doubles(a);
        } else if (v.getClass().isArray() || v instanceof Collection<?> || v instanceof Map<?, ?>) {
            s = InvokerHelper.toString(v.getClass().isArray() && !v.getClass().getComponentType().isPrimitive() ? v : boxed(v));
        } else if (hasOwnText(v)) {
            s = String.valueOf(v);
        } else {
            s = properties(v);
        }
        return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + " … (" + s.length() + " characters)" : s;
    }

    private static Object boxed(Object v) {
        if (!v.getClass().isArray()) return v;
        int n = Array.getLength(v);
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) out[i] = Array.get(v, i);
        return out;
    }

    private static String doubles(double[] a) {
        StringBuilder b = new StringBuilder("[");
        int n = a.length, shown = Math.min(n, 20);
        for (int i = 0; i < shown; i++) b.append(i == 0 ? "" : ", ").append(a[i]);
        if (n > shown) b.append(", … ").append(n - shown).append(" more, last ").append(a[n - 1]);
        return b.append("] (").append(n).append(" values)").toString();
    }

    private static boolean hasOwnText(Object v) {
        try {
            return v.getClass().getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    private static String properties(Object v) {
        StringBuilder b = new StringBuilder(v.getClass().getSimpleName()).append(" {");
        try {
            Map<?, ?> props = org.codehaus.groovy.runtime.DefaultGroovyMethods.getProperties(v);
            boolean first = true;
            for (var e : props.entrySet()) {
                if ("class".equals(e.getKey()) || "metaClass".equals(e.getKey())) continue;
                b.append(first ? "" : ", ").append(e.getKey()).append(": ").append(brief(e.getValue()));
                first = false;
            }
        } catch (RuntimeException e) {
            b.append("…");
        }
        return b.append('}').toString();
    }
}
