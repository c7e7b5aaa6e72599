package io.tradeshell.brokers.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.brokers.HistorySource;
import io.tradeshell.engine.model.BarSeries;
import java.time.Duration;
import java.time.Instant;

/**
 * Bars from Alpaca's market data API: {@code /v2/stocks/bars} on the free IEX feed, or
 * {@code /v1beta3/crypto/us/bars} for a pair like BTC/USD, following {@code next_page_token}
 * until the range is covered.
 */
public final class AlpacaHistory implements HistorySource {
    private final AlpacaRest rest;

    public AlpacaHistory(AlpacaRest rest) {
        this.rest = rest;
    }

    @Override
    public BarSeries bars(String symbol, Instant from, Instant to, Duration bar) {
        boolean crypto = AlpacaRest.isCrypto(symbol);
        String base = rest.endpoints().data() + (crypto ? "/v1beta3/crypto/us/bars" : "/v2/stocks/bars")
                + "?symbols=" + AlpacaRest.encode(symbol) + "&timeframe=" + timeframe(bar) + "&start=" + from + "&end=" + to
                + "&limit=10000&sort=asc" + (crypto ? "" : "&feed=iex&adjustment=raw");
        BarSeries series = new BarSeries(symbol, bar, -1, 1024);
        String token = null;
        do {
            JsonNode page = rest.calls().get(base + (token == null ? "" : "&page_token=" + AlpacaRest.encode(token)));
            for (JsonNode b : page.path("bars").path(symbol)) {
                long t = Instant.parse(b.path("t").asText()).toEpochMilli();
                if (!series.isEmpty() && t <= series.openTime(series.lastIndex())) continue; // a page boundary repeated
                series.append(t, b.path("o").asDouble(), b.path("h").asDouble(), b.path("l").asDouble(), b.path("c").asDouble(),
                        b.path("v").asDouble());
            }
            JsonNode next = page.get("next_page_token");
            token = next == null || next.isNull() || next.asText().isBlank() ? null : next.asText();
        } while (token != null);
        return series;
    }

    /** Alpaca's timeframe words: 1Min ... 59Min, 1Hour ... 23Hour, 1Day, 1Week, 1Month. */
    static String timeframe(Duration bar) {
        long minutes = bar.toMinutes();
        if (minutes >= 1 && minutes < 60 && bar.equals(Duration.ofMinutes(minutes))) return minutes + "Min";
        if (bar.toHours() >= 1 && bar.toHours() < 24 && bar.equals(Duration.ofHours(bar.toHours()))) return bar.toHours() + "Hour";
        if (bar.equals(Duration.ofDays(1))) return "1Day";
        if (bar.equals(Duration.ofDays(7))) return "1Week";
        throw new IllegalArgumentException("Alpaca has no bars of " + bar + ": use minutes (1m..59m), hours (1h..23h), 1d or 1w");
    }
}
