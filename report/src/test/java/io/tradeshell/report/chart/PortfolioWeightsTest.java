package io.tradeshell.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tradeshell.engine.model.BarSeries;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Weights worked out from fills and closes, checked by hand; the universe charts render. */
class PortfolioWeightsTest {
    static final long DAY = 86_400_000L;

    static BarSeries bars(String symbol, double... closes) {
        BarSeries s = new BarSeries(symbol, Duration.ofDays(1), 2, closes.length);
        for (int i = 0; i < closes.length; i++) s.append(i * DAY, closes[i], closes[i], closes[i], closes[i], 1);
        return s;
    }

    @Test
    void aFillCountsFromItsOwnBarTimeAndIsValuedAtEachClose() {
        List<BarSeries> universe = List.of(bars("A", 10, 12, 12), bars("B", 20, 20, 25));
        // 50 A bought at bar 1's open; at bar 2's open 50 A sold and 20 B shorted
        List<PositionChange> fills = List.of(new PositionChange(DAY, "A", 50), new PositionChange(2 * DAY, "A", -50),
                new PositionChange(2 * DAY, "B", -20));
        long[] time = {0, DAY, 2 * DAY};
        double[] equity = {1000, 1100, 1000};
        PortfolioWeights w = PortfolioWeights.of(universe, fills, time, equity);
        // bar 1: 50 x 12 / 1,100; bar 2: A flat, B -20 x 25 / 1,000
        assertThat(w.weights()[0]).containsExactly(new double[] {0, 600 / 1100.0, 0}, within(1e-12));
        assertThat(w.weights()[1]).containsExactly(new double[] {0, 0, -0.5}, within(1e-12));
        assertThat(w.isEmpty()).isFalse();
    }

    @Test
    void theSymbolsPageHasACellPerSymbolInRowsOfFour() throws Exception {
        List<PriceChartInput> symbols = new java.util.ArrayList<>();
        for (String s : List.of("A", "B", "C", "D", "E")) symbols.add(new PriceChartInput(s, bars(s, 10, 11, 12), List.of(), List.of(new TradeMarker(DAY, 11, true))));
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(SmallMultiples.png(symbols)));
        assertThat(page.getWidth()).isEqualTo(4 * SmallMultiples.CELL.width());
        assertThat(page.getHeight()).isEqualTo(2 * SmallMultiples.CELL.height());
        var weights = PortfolioWeights.of(List.of(bars("A", 10, 11, 12)), List.of(new PositionChange(DAY, "A", 10)), new long[] {0, DAY, 2 * DAY}, new double[] {100, 100, 110});
        var chart = WeightsChart.render(weights);
        assertThat(chart.getSeries("A")).isNotNull();
        assertThat(chart.getSeries("A short")).isNull();
    }
}
