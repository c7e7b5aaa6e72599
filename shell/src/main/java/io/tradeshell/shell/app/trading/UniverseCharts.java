package io.tradeshell.shell.app.trading;

import io.tradeshell.engine.order.Fill;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.run.RunResult;
import io.tradeshell.report.chart.ChartFormat;
import io.tradeshell.report.chart.ChartWriter;
import io.tradeshell.report.chart.PortfolioWeights;
import io.tradeshell.report.chart.PositionChange;
import io.tradeshell.report.chart.PriceChartInput;
import io.tradeshell.report.chart.SmallMultiples;
import io.tradeshell.report.chart.TradeMarker;
import io.tradeshell.report.chart.WeightsChart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The charts of a run over several symbols: every symbol's price with its fills on one page
 * ({@code symbols.png}, always PNG: a grid of small charts is a picture), and the portfolio's
 * weights over time ({@code weights.png} or {@code .svg}).
 */
public final class UniverseCharts {
    private UniverseCharts() { }

    public static List<Path> write(RunResult result, List<BarSeries> universe, Path dir, ChartFormat format) throws IOException {
        List<Path> out = new ArrayList<>();
        Path page = dir.resolve("symbols.png");
        Files.write(page, SmallMultiples.png(prices(result.fills(), universe)));
        out.add(page);
        var curve = result.curve();
        PortfolioWeights weights = PortfolioWeights.of(universe, changes(result.fills()), curve.time(), curve.equity());
        if (!weights.isEmpty()) out.add(ChartWriter.write(WeightsChart.render(weights), dir.resolve("weights"), format));
        return out;
    }

    static List<PriceChartInput> prices(List<Fill> fills, List<BarSeries> universe) {
        List<PriceChartInput> out = new ArrayList<>();
        for (BarSeries bars : universe) {
            List<TradeMarker> markers = new ArrayList<>();
            for (Fill f : fills) if (f.symbol().equals(bars.symbol())) markers.add(new TradeMarker(f.time(), f.price(), f.side().sign() > 0));
            if (markers.size() > RunCharts.MAX_MARKERS) markers = List.of();
            out.add(new PriceChartInput(bars.symbol(), bars, List.of(), markers));
        }
        return out;
    }

    static List<PositionChange> changes(List<Fill> fills) {
        return fills.stream().map(f -> new PositionChange(f.time(), f.symbol(), f.side().sign() * f.qty())).toList();
    }
}
