package io.tradeshell.report.chart;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;

/** A year x month grid of monthly returns in percent, red for losses and green for gains. */
public final class MonthlyReturnsHeatmap {
    private static final List<String> COLUMNS = List.of(
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Year");

    private MonthlyReturnsHeatmap() {}

    public static HeatMapChart render(long[] time, double[] equity) {
        MonthlyReturns returns = MonthlyReturns.of(time, equity);
        return render(returns, sizeFor(returns.years()));
    }

    /**
     * The default width with a height that suits the number of years: one year at full height
     * would give a single tall stripe, so rows get about 55 px each, between 280 and 600 px in all.
     */
    public static ChartSize sizeFor(int years) {
        int height = Math.max(280, Math.min(ChartSize.DEFAULT.height(), 170 + 55 * years));
        return new ChartSize(ChartSize.DEFAULT.width(), height);
    }

    public static HeatMapChart render(MonthlyReturns returns, ChartSize size) {
        if (returns.years() == 0) throw new IllegalArgumentException("no equity points to chart");
        HeatMapChart chart = ChartTheme.heatMapChart("Monthly returns (%)", size);
        // newest year at the bottom reads like a calendar; XChart counts rows from the bottom
        List<String> years = new ArrayList<>();
        for (int y = returns.years() - 1; y >= 0; y--) years.add(Integer.toString(returns.firstYear() + y));
        List<Number[]> cells = new ArrayList<>();
        double extreme = 0;
        for (int y = 0; y < returns.years(); y++) {
            int row = returns.years() - 1 - y;
            for (int m = 0; m < 12; m++) {
                double v = returns.percent()[y][m];
                if (Double.isNaN(v)) continue;
                cells.add(new Number[] {m, row, v});
                extreme = Math.max(extreme, Math.abs(v)); // months set the scale; a bigger yearly figure just saturates
            }
            double year = returns.yearly()[y];
            if (!Double.isNaN(year)) cells.add(new Number[] {12, row, year});
        }
        DivergingScale.apply(chart, extreme);
        // quoted: a bare % in a DecimalFormat pattern would multiply by 100
        chart.getStyler().setHeatMapValueDecimalPattern("+0.0'%';-0.0'%'");
        // value labels only while a cell can hold one (about 16 px tall, 50 px wide)
        chart.getStyler().setShowValue((size.height() - 150) / returns.years() >= 16 && (size.width() - 200) / 13 >= 50);
        chart.addSeries("Monthly return", COLUMNS, years, cells);
        return chart;
    }
}
