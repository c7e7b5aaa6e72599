package io.tradeshell.brokers.oanda;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeshell.brokers.RestCalls;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * OANDA's pricing stream: newline-delimited JSON, a {@code PRICE} line per change and a
 * {@code HEARTBEAT} about every five seconds. Each price becomes a {@link Quote}; heartbeats
 * only tell {@code heard} that the stream is alive.
 */
public final class PricingStream {
    /** The best bid and ask of an instrument at a moment, and their middle. */
    public record Quote(String instrument, long time, double bid, double ask) {
        public double mid() {
            return (bid + ask) / 2;
        }
    }

    private PricingStream() { }

    /** Reads lines until the stream ends; returns how many lines were heartbeats. */
    public static int read(BufferedReader lines, Consumer<Quote> quotes, Consumer<Instant> heard) throws IOException {
        int heartbeats = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) continue;
            JsonNode n = RestCalls.json().readTree(line);
            Instant t = Instant.parse(n.path("time").asText());
            heard.accept(t);
            switch (n.path("type").asText()) {
                case "HEARTBEAT" -> heartbeats++;
                case "PRICE" -> quotes.accept(new Quote(n.path("instrument").asText(), t.toEpochMilli(),
                        n.path("bids").path(0).path("price").asDouble(), n.path("asks").path(0).path("price").asDouble()));
                default -> { }
            }
        }
        return heartbeats;
    }
}
