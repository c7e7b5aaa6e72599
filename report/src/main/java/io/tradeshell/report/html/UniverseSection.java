package io.tradeshell.report.html;

import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.model.Side;
import io.tradeshell.report.chart.PortfolioWeights;
import io.tradeshell.report.chart.PositionChange;
import io.tradeshell.report.chart.PriceChartInput;
import io.tradeshell.report.chart.SmallMultiples;
import io.tradeshell.report.chart.TradeMarker;
import io.tradeshell.report.chart.WeightsChart;
import io.tradeshell.report.run.RecordedFill;
import io.tradeshell.report.run.RunReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The report's section for a run over several symbols: each symbol's price with its fills, and the weights over time. */
final class UniverseSection {
    /** Past this many fills of one symbol its triangles hide the price; the fills are in fills.jsonl. */
    static final int MAX_MARKERS = 400;

    private UniverseSection() {}

    static void append(StringBuilder html, RunReport run, List<BarSeries> universe) throws IOException {
        html.append("<section id=\"universe\">\n<h2>Symbols and weights</h2>\n");
        List<PriceChartInput> prices = new ArrayList<>();
        for (BarSeries b : universe) {
            List<TradeMarker> markers = new ArrayList<>();
            for (RecordedFill f : run.fills()) {
                if (f.symbol().equals(b.symbol())) markers.add(new TradeMarker(f.time().toEpochMilli(), f.price(), f.side() == Side.BUY));
            }
            prices.add(new PriceChartInput(b.symbol(), b, List.of(), markers.size() > MAX_MARKERS ? List.of() : markers));
        }
        html.append("<img class=\"chart\" alt=\"The close of every symbol with its buys and sells\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(SmallMultiples.png(prices))).append("\">\n");
        List<PositionChange> changes = run.fills().stream()
                .map(f -> new PositionChange(f.time().toEpochMilli(), f.symbol(), f.side().sign() * f.qty())).toList();
        var e = run.equity();
        PortfolioWeights weights = PortfolioWeights.of(universe, changes, e.time(), e.equity());
        if (!weights.isEmpty()) {
            HtmlReport.image(html, WeightsChart.render(weights), "Each symbol's share of equity over time");
            html.append("<p class=\"caption\">Each band is one symbol's position as a share of equity at each close; shorts below zero.</p>\n");
        }
        html.append("</section>\n");
    }
}
