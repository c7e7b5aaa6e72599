package io.tradeshell.brokers.oanda;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.brokers.HistorySource;
import io.tradeshell.engine.model.BarSeries;
import java.time.Duration;
import java.time.Instant;

/**
 * Candles from OANDA's v20 API, mid prices, complete candles only, 5,000 per request: each
 * next request starts just after the last candle received, until the range is covered.
 */
public final class OandaHistory implements HistorySource {
    private static final int PAGE = 5000;
    private final OandaRest rest;

    public OandaHistory(OandaRest rest) {
        this.rest = rest;
    }

    @Override
    public BarSeries bars(String instrument, Instant from, Instant to, Duration bar) {
        String granularity = granularity(bar);
        BarSeries series = new BarSeries(instrument, bar, -1, 1024);
        Instant cursor = from;
        while (cursor.isBefore(to)) {
            JsonNode page = rest.candles(instrument, "granularity=" + granularity + "&price=M&from=" + cursor + "&count=" + PAGE);
            int taken = 0;
            long last = Long.MIN_VALUE;
            for (JsonNode c : page.path("candles")) {
                Instant t = Instant.parse(c.path("time").asText());
                last = t.toEpochMilli();
                if (!t.isBefore(to)) break;
                if (!c.path("complete").asBoolean(true)) continue;
                if (!series.isEmpty() && last <= series.openTime(series.lastIndex())) continue;
                JsonNode m = c.path("mid");
                series.append(last, m.path("o").asDouble(), m.path("h").asDouble(), m.path("l").asDouble(), m.path("c").asDouble(),
                        c.path("volume").asDouble());
                taken++;
            }
            if (taken == 0 || page.path("candles").size() < PAGE) break;
            cursor = Instant.ofEpochMilli(last).plusMillis(1);
        }
        return series;
    }

    /** OANDA's granularities: S5..S30, M1..M30, H1..H12, D, W. */
    static String granularity(Duration bar) {
        long s = bar.toSeconds();
        for (String g : new String[] {"S5", "S10", "S15", "S30", "M1", "M2", "M4", "M5", "M10", "M15", "M30", "H1", "H2", "H3", "H4", "H6", "H8", "H12"}) {
            long unit = switch (g.charAt(0)) {
                case 'S' -> 1;
                case 'M' -> 60;
                default -> 3600;
            };
            if (unit * Long.parseLong(g.substring(1)) == s) return g;
        }
        if (s == 86_400) return "D";
        if (s == 7 * 86_400) return "W";
        throw new IllegalArgumentException("OANDA has no candles of " + bar + ": use 5s..30s, 1m..30m, 1h..12h, 1d or 1w");
    }
}
