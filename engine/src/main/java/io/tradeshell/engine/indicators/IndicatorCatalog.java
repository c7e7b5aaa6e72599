package io.tradeshell.engine.indicators;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The indicators a strategy can name, with their parameters and defaults, for help and
 * completion in the shell. Plain data, kept next to the classes it describes.
 */
public final class IndicatorCatalog {
    private IndicatorCatalog() { }

    /** What a parameter takes: an input series (a price or another indicator), a bar count, or a number. */
    public enum Kind { INPUT, BARS, NUMBER }

    /** One parameter, with its default as it would be written in a script. */
    public record Param(String name, Kind kind, String defaultValue) {
        public int defaultBars() {
            return Integer.parseInt(defaultValue);
        }

        public double defaultNumber() {
            return Double.parseDouble(defaultValue);
        }

        @Override
        public String toString() {
            return name + "=" + defaultValue;
        }
    }

    /**
     * One indicator: its script name, parameters in call order, the named series it yields when
     * it has several (macd: line, signal, histogram), and what it measures.
     */
    public record Entry(String name, List<Param> params, List<String> outputs, String description) {
        public Entry {
            params = List.copyOf(params);
            outputs = List.copyOf(outputs);
        }

        /** The call with its defaults, as help shows it: {@code rsi(input=close, barCount=14)}. */
        public String signature() {
            StringBuilder sb = new StringBuilder(name).append('(');
            for (int p = 0; p < params.size(); p++) sb.append(p == 0 ? "" : ", ").append(params.get(p));
            sb.append(')');
            if (!outputs.isEmpty()) sb.append(" -> ").append(String.join(", ", outputs));
            return sb.toString();
        }
    }

    private static final Param INPUT = new Param("input", Kind.INPUT, "close");

    private static Param bars(String value) {
        return new Param("barCount", Kind.BARS, value);
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("sma", List.of(INPUT, bars("20")), List.of(), "simple moving average of the last barCount values"),
            new Entry("ema", List.of(INPUT, bars("20")), List.of(), "exponential moving average, weight 2/(barCount+1); NaN for the first barCount bars"),
            new Entry("wma", List.of(INPUT, bars("20")), List.of(), "weighted moving average, newest value weighs most"),
            new Entry("rsi", List.of(INPUT, bars("14")), List.of(), "relative strength index 0..100 of Wilder-smoothed gains and losses"),
            new Entry("macd", List.of(INPUT, new Param("fast", Kind.BARS, "12"), new Param("slow", Kind.BARS, "26"),
                    new Param("signal", Kind.BARS, "9")), List.of("line", "signal", "histogram"),
                    "fast EMA minus slow EMA, its EMA signal line, and line minus signal"),
            new Entry("bollinger", List.of(INPUT, bars("20"), new Param("k", Kind.NUMBER, "2.0")), List.of("upper", "middle", "lower"),
                    "SMA middle band with bands k standard deviations above and below"),
            new Entry("atr", List.of(bars("14")), List.of(), "average true range of the bars, Wilder-smoothed"),
            new Entry("stddev", List.of(INPUT, bars("20")), List.of(), "population standard deviation of the last barCount values"),
            new Entry("highest", List.of(INPUT, bars("20")), List.of(), "highest of the last barCount values"),
            new Entry("lowest", List.of(INPUT, bars("20")), List.of(), "lowest of the last barCount values"),
            new Entry("roc", List.of(INPUT, bars("10")), List.of(), "rate of change in percent over barCount bars"),
            new Entry("obv", List.of(), List.of(), "on-balance volume: running total of volume signed by the close's direction"),
            new Entry("vwap", List.of(bars("20")), List.of(), "volume-weighted average typical price (high+low+close)/3 over barCount bars"),
            new Entry("previous", List.of(INPUT, new Param("bars", Kind.BARS, "1")), List.of(), "the input's value that many bars back"),
            new Entry("stochastic", List.of(new Param("kBars", Kind.BARS, "14"), new Param("dBars", Kind.BARS, "3")), List.of("k", "d"),
                    "stochastic %K, where the close sits in the high-low range, and %D, its SMA"),
            new Entry("williamsR", List.of(bars("14")), List.of(), "Williams %R: the close below the highest high, 0 to -100 of the range"),
            new Entry("cci", List.of(bars("20")), List.of(), "commodity channel index of the typical price"),
            new Entry("mfi", List.of(bars("14")), List.of(), "money flow index: an RSI of typical price times volume"),
            new Entry("cmf", List.of(bars("20")), List.of(), "Chaikin money flow: volume-weighted close location in the bar's range"),
            new Entry("aroon", List.of(bars("25")), List.of("up", "down", "oscillator"), "how recently the highest high and lowest low were made"),
            new Entry("zscore", List.of(INPUT, bars("20")), List.of(), "standard deviations from the barCount-bar mean"),
            new Entry("adx", List.of(bars("14"), new Param("adxBarCount", Kind.BARS, "14")), List.of("adx", "plusDi", "minusDi"),
                    "average directional index, with +DI and -DI"),
            new Entry("psar", List.of(new Param("start", Kind.NUMBER, "0.02"), new Param("max", Kind.NUMBER, "0.2"),
                    new Param("increment", Kind.NUMBER, "0.02")), List.of(), "Parabolic SAR, a stop that accelerates with the trend"),
            new Entry("supertrend", List.of(bars("10"), new Param("multiplier", Kind.NUMBER, "3")), List.of(),
                    "SuperTrend: an ATR band under an up trend, over a down trend"),
            new Entry("ichimoku", List.of(new Param("tenkanBars", Kind.BARS, "9"), new Param("kijunBars", Kind.BARS, "26"),
                    new Param("spanBBars", Kind.BARS, "52"), new Param("offset", Kind.BARS, "26")), List.of("tenkan", "kijun", "senkouA", "senkouB"),
                    "Ichimoku lines and cloud as seen at the bar (no chikou: it is a later close)"),
            new Entry("keltner", List.of(bars("20"), new Param("k", Kind.NUMBER, "2.0"), new Param("atrBars", Kind.BARS, "10")),
                    List.of("upper", "middle", "lower"), "EMA of the typical price with bands k ATRs away"),
            new Entry("donchian", List.of(bars("20")), List.of("upper", "middle", "lower"), "highest high, lowest low and their midpoint"),
            new Entry("kama", List.of(INPUT, new Param("erBars", Kind.BARS, "10"), new Param("fastBars", Kind.BARS, "2"),
                    new Param("slowBars", Kind.BARS, "30")), List.of(), "Kaufman's adaptive moving average"),
            new Entry("hma", List.of(INPUT, bars("16")), List.of(), "Hull moving average"),
            new Entry("dema", List.of(INPUT, bars("20")), List.of(), "double EMA: 2 * EMA - EMA of the EMA"),
            new Entry("tema", List.of(INPUT, bars("20")), List.of(), "triple EMA"),
            new Entry("zlema", List.of(INPUT, bars("20")), List.of(), "zero-lag EMA"));

    /** Every entry, in the order help lists them. */
    public static List<Entry> all() {
        return ENTRIES;
    }

    /** The entry named {@code name}, ignoring case. */
    public static Optional<Entry> find(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (Entry e : ENTRIES) if (e.name().toLowerCase(Locale.ROOT).equals(key)) return Optional.of(e);
        return Optional.empty();
    }
}
