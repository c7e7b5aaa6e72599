package io.tradeshell.report.chart;

import java.awt.Color;
import org.knowm.xchart.HeatMapChart;

/** The red-white-green colour scale of the heat maps, centred on zero. */
final class DivergingScale {
    static final Color LOSS = new Color(0xE0, 0x6B, 0x5F);
    static final Color GAIN = new Color(0x5F, 0xB8, 0x7E);

    private DivergingScale() {}

    /** Colours from -extreme (red) through 0 (white) to +extreme (green), the ends rounded out to a tidy number. */
    static void apply(HeatMapChart chart, double extreme) {
        double e = RoundNumbers.atLeast(extreme);
        chart.getStyler().setRangeColors(new Color[] {LOSS, Color.WHITE, GAIN});
        chart.getStyler().setMin(-e);
        chart.getStyler().setMax(e);
        chart.getStyler().setShowValue(true);
        chart.getStyler().setValueFont(ChartTheme.TICK_FONT);
        chart.getStyler().setValueFontColor(ChartTheme.TEXT);
        chart.getStyler().setDrawBorder(true);
    }
}
