package io.tradeshell.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;
import java.util.TimeZone;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The one look shared by every chart: white background, light horizontal grid, no plot
 * border, DejaVu/SansSerif text, a small palette, legend under the plot so it never covers data.
 */
public final class ChartTheme {
    static {
        Headless.ensure();
    }

    public static final Color TEXT = new Color(0x2B, 0x2B, 0x2B);
    public static final Color MUTED_TEXT = new Color(0x5F, 0x63, 0x68);
    public static final Color GRID = new Color(0xE8, 0xE8, 0xE8);
    public static final Color AXIS = new Color(0xB0, 0xB0, 0xB0);

    /** Series colours in the order they are handed out. */
    public static final Color BLUE = new Color(0x1F, 0x5F, 0xAE);
    public static final Color ORANGE = new Color(0xE6, 0x7E, 0x22);
    public static final Color TEAL = new Color(0x17, 0x9C, 0x8C);
    public static final Color PURPLE = new Color(0x8E, 0x44, 0xAD);
    public static final Color GREY = new Color(0x8C, 0x8C, 0x8C);
    public static final Color BROWN = new Color(0x9C, 0x64, 0x3C);
    private static final Color[] PALETTE = {BLUE, ORANGE, TEAL, PURPLE, GREY, BROWN};

    /** Rising candles, buys and gains. */
    public static final Color UP = new Color(0x2E, 0x9E, 0x5B);
    /** Falling candles, sells and losses. */
    public static final Color DOWN = new Color(0xD6, 0x45, 0x41);

    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ChartTheme() {}

    /** The series colours, a fresh copy. */
    public static Color[] palette() { return PALETTE.clone(); }

    /** The i-th palette colour, cycling. */
    public static Color color(int i) { return PALETTE[Math.floorMod(i, PALETTE.length)]; }

    /** {@code c} with the given alpha (0-255), for area fills. */
    public static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** An empty line chart in the theme. */
    public static XYChart xyChart(String title, ChartSize size) {
        XYChart chart = new XYChartBuilder().width(size.width()).height(size.height()).build();
        chart.setTitle(title);
        style(chart.getStyler());
        return chart;
    }

    /** An empty bar chart in the theme. */
    public static CategoryChart categoryChart(String title, ChartSize size) {
        CategoryChart chart = new CategoryChartBuilder().width(size.width()).height(size.height()).build();
        chart.setTitle(title);
        style(chart.getStyler());
        return chart;
    }

    /** An empty heat map in the theme; its colour scale sits at the right. */
    public static HeatMapChart heatMapChart(String title, ChartSize size) {
        HeatMapChart chart = new HeatMapChartBuilder().width(size.width()).height(size.height()).build();
        chart.setTitle(title);
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setGradientColorColumnWeight(16);
        chart.getStyler().setGradientColorColumnHeight(Math.max(60, size.height() / 2));
        chart.getStyler().setPlotGridLinesVisible(false);
        // every row and column is a category worth naming, so let labels sit close together
        chart.getStyler().setXAxisTickMarkSpacingHint(24);
        chart.getStyler().setYAxisTickMarkSpacingHint(12);
        return chart;
    }

    /** Applies the shared look to any axes chart. */
    public static void style(AxesChartStyler s) {
        s.setLocale(Locale.US);
        s.setTimezone(TimeZone.getTimeZone("UTC"));
        s.setAntiAlias(true);
        s.setTextAntiAlias(true);

        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartFontColor(TEXT);
        s.setChartPadding(16);
        s.setChartTitleFont(TITLE_FONT);
        s.setChartTitleBoxVisible(false);
        s.setChartTitlePadding(12);

        s.setPlotBorderVisible(false);
        s.setPlotGridLinesVisible(true);
        s.setPlotGridVerticalLinesVisible(false);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setPlotTicksMarksVisible(false);
        s.setPlotMargin(6);
        s.setPlotContentSize(0.96);

        s.setAxisTitleFont(LABEL_FONT);
        s.setAxisTitlePadding(8);
        s.setAxisTickLabelsFont(TICK_FONT);
        s.setAxisTickLabelsColor(MUTED_TEXT);
        s.setAxisTickMarksColor(AXIS);
        s.setAxisTickPadding(6);
        s.setAxisTickMarkLength(4);
        s.setAxisTicksLineVisible(false);
        s.setXAxisTickMarkSpacingHint(110);
        s.setYAxisTickMarkSpacingHint(60);

        s.setLegendVisible(true);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendFont(LABEL_FONT);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendPadding(12);
        s.setLegendSeriesLineLength(22);

        s.setSeriesColors(palette());
        s.setMarkerSize(8);
    }

    /** Lines of {@code width} px with round joins, which keeps dense curves smooth. */
    public static BasicStroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A dashed line, used for benchmarks so they read as secondary in print too. */
    public static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f);
    }
}
