package io.tradeshell.report.chart;

import io.tradeshell.engine.model.BarSeries;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;

/**
 * One page of small price charts, one per symbol of a multi-symbol run: the close as a line
 * with the run's buys and sells, in a grid of up to four columns, each on its own price scale.
 */
public final class SmallMultiples {
    static {
        Headless.ensure();
    }

    /** The size of one small chart. */
    public static final ChartSize CELL = new ChartSize(400, 260);
    static final int MAX_COLUMNS = 4;

    private SmallMultiples() {}

    /** The page as PNG bytes. */
    public static byte[] png(List<PriceChartInput> symbols) throws IOException {
        if (symbols.isEmpty()) throw new IllegalArgumentException("no symbols to chart");
        int columns = Math.min(MAX_COLUMNS, symbols.size());
        int rows = (symbols.size() + columns - 1) / columns;
        BufferedImage page = new BufferedImage(columns * CELL.width(), rows * CELL.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        for (int i = 0; i < symbols.size(); i++) {
            Graphics2D cell = (Graphics2D) g.create((i % columns) * CELL.width(), (i / columns) * CELL.height(), CELL.width(), CELL.height());
            small(symbols.get(i)).paint(cell, CELL.width(), CELL.height());
            cell.dispose();
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        ImageIO.write(page, "png", out);
        return out.toByteArray();
    }

    /** One symbol's small chart: its closes and fills, no legend. */
    static XYChart small(PriceChartInput input) {
        BarSeries bars = input.bars();
        XYChart chart = ChartTheme.xyChart(input.symbol(), CELL);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartPadding(6);
        chart.getStyler().setChartTitleFont(ChartTheme.LABEL_FONT.deriveFont(java.awt.Font.BOLD));
        chart.getStyler().setXAxisTickMarkSpacingHint(80);
        chart.getStyler().setYAxisTickMarkSpacingHint(40);
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        int n = bars.size();
        long[] time = new long[n];
        double[] close = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = bars.openTime(i);
            close[i] = bars.close(i);
        }
        TimeAxis axis = TimeAxis.spanning(time);
        axis.applyTo(chart, n == 0 ? 0 : close[0]);
        chart.setXAxisTitle(null);
        if (n > 0) TimeLines.add(chart, axis, "Close", time, close, CELL).setLineColor(ChartTheme.GREY.darker()).setLineStyle(ChartTheme.line(1f));
        PriceChart.addMarkers(chart, axis, "Buy", input.markers(), true, ChartTheme.UP);
        PriceChart.addMarkers(chart, axis, "Sell", input.markers(), false, ChartTheme.DOWN);
        return chart;
    }
}
