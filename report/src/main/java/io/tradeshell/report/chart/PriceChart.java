package io.tradeshell.report.chart;

import io.tradeshell.engine.model.BarSeries;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Price of one symbol with indicator overlays and fills: candlesticks up to
 * {@value #MAX_CANDLES} bars, a close line beyond that; buys as green up-triangles and sells
 * as red down-triangles at the fill's time and price.
 */
public final class PriceChart {
    /** Above this many bars candles merge into noise, so the close is drawn as a line. */
    public static final int MAX_CANDLES = 3000;

    // room taken by the y axis labels, title, x axis and legend; only used to size candle bodies
    private static final int SIDE_ROOM = 110, TOP_BOTTOM_ROOM = 150;
    private static final String UP_WICKS = "up wicks", DOWN_WICKS = "down wicks", UP_BODIES = "up bodies", DOWN_BODIES = "down bodies";

    private PriceChart() {}

    public static XYChart render(PriceChartInput input) {
        return render(input, ChartSize.DEFAULT);
    }

    public static XYChart render(PriceChartInput input, ChartSize size) {
        BarSeries bars = input.bars();
        if (bars.isEmpty()) throw new IllegalArgumentException("no bars to chart for " + input.symbol());
        XYChart chart = ChartTheme.xyChart(input.symbol() + " price and trades", size);
        chart.setYAxisTitle("Price");
        chart.getStyler().setMarkerSize(10);
        // decimals only where a tick needs them: "560", but "0.125"
        chart.getStyler().setYAxisDecimalPattern("#,##0.########");
        int n = bars.size();
        long[] time = new long[n];
        for (int i = 0; i < n; i++) time[i] = bars.openTime(i);

        TimeAxis axis = TimeAxis.spanning(time);
        axis.applyTo(chart, bars.close(0));
        if (n <= MAX_CANDLES) {
            addCandles(chart, axis, bars, size);
        } else {
            double[] close = new double[n];
            for (int i = 0; i < n; i++) close[i] = bars.close(i);
            TimeLines.add(chart, axis, "Close", time, close, size)
                    .setLineColor(ChartTheme.GREY.darker()).setLineStyle(ChartTheme.line(1.2f));
        }
        SeriesNames names = new SeriesNames(TickAnchor.NAME, "Close", "Buy", "Sell", UP_WICKS, DOWN_WICKS, UP_BODIES, DOWN_BODIES);
        int colour = 0;
        for (Overlay o : input.overlays()) {
            Color c = overlayColour(colour++);
            // an overlay without any value yet (all warm-up) has nothing to draw
            if (allNaN(o.values())) continue;
            TimeLines.add(chart, axis, names.unique(o.name()), time, o.values(), size)
                    .setLineColor(c).setLineStyle(ChartTheme.line(1.6f));
        }
        addMarkers(chart, axis, "Buy", input.markers(), true, ChartTheme.UP);
        addMarkers(chart, axis, "Sell", input.markers(), false, ChartTheme.DOWN);
        boolean anyInLegend = !input.overlays().isEmpty() || !input.markers().isEmpty() || n > MAX_CANDLES;
        chart.getStyler().setLegendVisible(anyInLegend);
        return chart;
    }

    private static boolean allNaN(double[] values) {
        for (double v : values) if (!Double.isNaN(v)) return false;
        return true;
    }

    /** Overlays avoid the candle colours: blue, orange, purple, teal, brown. */
    private static Color overlayColour(int i) {
        Color[] c = {ChartTheme.BLUE, ChartTheme.ORANGE, ChartTheme.PURPLE, ChartTheme.TEAL, ChartTheme.BROWN};
        return c[i % c.length];
    }

    /**
     * Candles are drawn as two line series per colour: thin wicks from low to high and thick
     * bodies from open to close, each segment separated by a NaN break. That keeps them in
     * XChart's own plot (behind overlays and markers) at a width that fits the bar spacing.
     */
    private static void addCandles(XYChart chart, TimeAxis axis, BarSeries bars, ChartSize size) {
        int n = bars.size();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, bars.low(i));
            hi = Math.max(hi, bars.high(i));
        }
        double plotWidth = Math.max(50, size.width() - SIDE_ROOM);
        double plotHeight = Math.max(50, size.height() - TOP_BOTTOM_ROOM);
        float bodyWidth = (float) Math.max(1.0, Math.min(16.0, plotWidth / n * 0.7));
        // a doji still shows as a one-pixel body
        double minBody = (hi - lo) / plotHeight;

        Segments upWick = new Segments(n), downWick = new Segments(n);
        Segments upBody = new Segments(n), downBody = new Segments(n);
        for (int i = 0; i < n; i++) {
            double t = axis.x(bars.openTime(i));
            double o = bars.open(i), c = bars.close(i);
            boolean up = c >= o;
            (up ? upWick : downWick).add(t, bars.low(i), bars.high(i));
            double bottom = Math.min(o, c), top = Math.max(o, c);
            if (top - bottom < minBody) {
                double mid = (top + bottom) / 2;
                bottom = mid - minBody / 2;
                top = mid + minBody / 2;
            }
            (up ? upBody : downBody).add(t, bottom, top);
        }
        BasicStroke wick = new BasicStroke(Math.min(1.2f, bodyWidth), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        BasicStroke body = new BasicStroke(bodyWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        upWick.addTo(chart, UP_WICKS, ChartTheme.UP, wick);
        downWick.addTo(chart, DOWN_WICKS, ChartTheme.DOWN, wick);
        upBody.addTo(chart, UP_BODIES, ChartTheme.UP, body);
        downBody.addTo(chart, DOWN_BODIES, ChartTheme.DOWN, body);
    }

    static void addMarkers(XYChart chart, TimeAxis axis, String name, List<TradeMarker> markers,
                                   boolean buys, Color colour) {
        int count = 0;
        for (TradeMarker m : markers) if (m.buy() == buys) count++;
        if (count == 0) return;
        double[] x = new double[count], y = new double[count];
        int k = 0;
        for (TradeMarker m : markers) {
            if (m.buy() != buys) continue;
            x[k] = axis.x(m.time());
            y[k++] = m.price();
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(new TriangleMarker(buys));
        s.setMarkerColor(colour);
        s.setLineStyle(SeriesLines.NONE);
    }

    /** Vertical segments at bar positions, as (x, from), (x, to), (x, NaN) triples. */
    private static final class Segments {
        private final double[] x, y;
        private int size;

        Segments(int capacity) {
            x = new double[capacity * 3];
            y = new double[capacity * 3];
        }

        void add(double at, double from, double to) {
            x[size] = at;
            y[size++] = from;
            x[size] = at;
            y[size++] = to;
            x[size] = at;
            y[size++] = Double.NaN;
        }

        void addTo(XYChart chart, String name, Color colour, BasicStroke stroke) {
            if (size == 0) return;
            XYSeries s = chart.addSeries(name, Arrays.copyOf(x, size), Arrays.copyOf(y, size));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(colour);
            s.setLineStyle(stroke);
            s.setShowInLegend(false);
        }
    }
}
