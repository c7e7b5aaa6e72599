package io.tradeshell.engine.data;

import java.util.List;

/**
 * One JSON layout of bars: the name of the array holding them, the names of its fields (time,
 * open, high, low, close, volume) and whether the time is the bar's end or its start.
 *
 * @param endTime true when the time field marks the bar's last millisecond ({@code ohlc}),
 *                false when it marks the bar's start ({@code candles})
 */
record JsonBarShape(String array, String time, String open, String high, String low, String close, String volume,
                    boolean endTime) {

    /** {@code {"ohlc": [{"endTime": ms, "openPrice", "highPrice", "lowPrice", "closePrice", "volume"}]}}. */
    static final JsonBarShape OHLC = new JsonBarShape("ohlc", "endTime", "openPrice", "highPrice", "lowPrice",
            "closePrice", "volume", true);

    /** {@code {"candles": [{"start": seconds, "low", "high", "open", "close", "volume"}]}}, numbers as strings. */
    static final JsonBarShape CANDLES = new JsonBarShape("candles", "start", "open", "high", "low", "close", "volume", false);

    static final List<JsonBarShape> ALL = List.of(OHLC, CANDLES);

    /** The shape whose bars sit in {@code array}, or null. */
    static JsonBarShape forArray(String array) {
        for (JsonBarShape s : ALL) {
            if (s.array.equals(array)) return s;
        }
        return null;
    }

    /** The field names in reading order: time, open, high, low, close, volume. */
    String[] fields() {
        return new String[] {time, open, high, low, close, volume};
    }
}
