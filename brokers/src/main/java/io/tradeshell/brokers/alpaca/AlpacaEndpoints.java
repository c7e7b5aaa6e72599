package io.tradeshell.brokers.alpaca;

import io.tradeshell.brokers.Credentials;
import java.net.URI;

/**
 * Where Alpaca is, by the convention of Alpaca's own SDKs: {@code APCA_API_BASE_URL} (paper by
 * default), {@code APCA_API_DATA_URL}, and the streams derived from them unless
 * {@code APCA_API_STREAM_URL} or {@code APCA_API_DATA_STREAM_URL} say otherwise. A test points
 * all of them at a local fake; a user at the live service.
 */
public record AlpacaEndpoints(String trading, String data, String tradingStream, String dataStream) {
    public static final String PAPER = "https://paper-api.alpaca.markets";
    public static final String LIVE = "https://api.alpaca.markets";
    public static final String DATA = "https://data.alpaca.markets";

    public AlpacaEndpoints {
        trading = trimSlash(trading);
        data = trimSlash(data);
    }

    public static AlpacaEndpoints from(Credentials c) {
        String trading = c.get("APCA_API_BASE_URL").orElse(PAPER);
        String data = c.get("APCA_API_DATA_URL").orElse(DATA);
        String tradingStream = c.get("APCA_API_STREAM_URL").orElse(ws(trimSlash(trading)) + "/stream");
        String dataStream = c.get("APCA_API_DATA_STREAM_URL").orElse(data.contains("data.alpaca.markets")
                ? "wss://stream.data.alpaca.markets" : ws(trimSlash(data)));
        return new AlpacaEndpoints(trading, data, tradingStream, trimSlash(dataStream));
    }

    /** Whether orders here move real money: the live trading host. */
    public boolean live() {
        return URI.create(trading).getHost().equals(URI.create(LIVE).getHost());
    }

    private static String ws(String http) {
        return http.replaceFirst("^https://", "wss://").replaceFirst("^http://", "ws://");
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
