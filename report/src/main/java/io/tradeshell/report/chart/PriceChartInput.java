package io.tradeshell.report.chart;

import io.tradeshell.engine.model.BarSeries;
import java.util.List;

/** What the price chart shows: the bars of one symbol, lines over them, and the fills. */
public record PriceChartInput(String symbol, BarSeries bars, List<Overlay> overlays, List<TradeMarker> markers) {
    public PriceChartInput {
        if (bars == null) throw new IllegalArgumentException("price chart needs bars");
        overlays = overlays == null ? List.of() : List.copyOf(overlays);
        markers = markers == null ? List.of() : List.copyOf(markers);
        for (Overlay o : overlays) {
            if (o.values().length != bars.size()) {
                throw new IllegalArgumentException("overlay " + o.name() + " has " + o.values().length
                        + " values for " + bars.size() + " bars");
            }
        }
    }
}
