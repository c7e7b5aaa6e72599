package io.tradeshell.engine.indicators.library;

import io.tradeshell.engine.indicators.IndicatorCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One listing of every indicator a script can name: the native words first, then ta4j's catalog
 * (reached through {@code ta(NAME, ...)}). Each says which ta4j class it is or reproduces.
 */
public final class IndicatorLibrary {
    private IndicatorLibrary() { }

    /** A parameter as listed: its name, what it takes, and its default if it has one. */
    public record Param(String name, String type, Optional<String> defaultValue) {
        @Override
        public String toString() {
            return name + defaultValue.map(d -> "=" + d).orElse("");
        }
    }

    /** One indicator: {@code native} ones are script words, the others are {@code ta(name, ...)}. */
    public record Listing(String name, String ta4jClass, List<Param> params, List<String> outputs, boolean isNative, String description) {
        public Listing {
            params = List.copyOf(params);
            outputs = List.copyOf(outputs);
        }

        /** How a script writes it: {@code adx(barCount=14, adxBarCount=14)} or {@code ta('ulcerIndex', indicator=close, barCount)}. */
        public String call() {
            List<String> ps = params.stream().map(Param::toString).toList();
            if (isNative) return name + "(" + String.join(", ", ps) + ")";
            return "ta('" + name + "'" + (ps.isEmpty() ? "" : ", " + String.join(", ", ps)) + ")";
        }
    }

    /** The ta4j class each native word reproduces (the first of several for multi-output ones). */
    private static final Map<String, String> NATIVE_CLASSES = Map.ofEntries(
            Map.entry("sma", "averages.SMAIndicator"), Map.entry("ema", "averages.EMAIndicator"), Map.entry("wma", "averages.WMAIndicator"),
            Map.entry("rsi", "RSIIndicator"), Map.entry("macd", "MACDIndicator"), Map.entry("bollinger", "bollinger.BollingerBandsMiddleIndicator"),
            Map.entry("atr", "ATRIndicator"), Map.entry("stddev", "statistics.StandardDeviationIndicator"),
            Map.entry("highest", "helpers.HighestValueIndicator"), Map.entry("lowest", "helpers.LowestValueIndicator"),
            Map.entry("roc", "ROCIndicator"), Map.entry("obv", "volume.OnBalanceVolumeIndicator"), Map.entry("vwap", "volume.VWAPIndicator"),
            Map.entry("previous", "helpers.PreviousValueIndicator"), Map.entry("stochastic", "StochasticOscillatorKIndicator"),
            Map.entry("williamsR", "WilliamsRIndicator"), Map.entry("cci", "CCIIndicator"), Map.entry("mfi", "volume.MoneyFlowIndexIndicator"),
            Map.entry("cmf", "volume.ChaikinMoneyFlowIndicator"), Map.entry("aroon", "aroon.AroonOscillatorIndicator"),
            Map.entry("zscore", "statistics.SigmaIndicator"), Map.entry("adx", "adx.ADXIndicator"), Map.entry("psar", "ParabolicSarIndicator"),
            Map.entry("supertrend", "supertrend.SuperTrendIndicator"), Map.entry("ichimoku", "ichimoku.IchimokuSenkouSpanAIndicator"),
            Map.entry("keltner", "keltner.KeltnerChannelMiddleIndicator"), Map.entry("donchian", "donchian.DonchianChannelMiddleIndicator"),
            Map.entry("kama", "averages.KAMAIndicator"), Map.entry("hma", "averages.HMAIndicator"), Map.entry("dema", "averages.DoubleEMAIndicator"),
            Map.entry("tema", "averages.TripleEMAIndicator"), Map.entry("zlema", "averages.ZLEMAIndicator"));

    private static final List<Listing> ALL = build();

    /** Natives, then ta4j's, each group in its own order. */
    public static List<Listing> all() {
        return ALL;
    }

    private static List<Listing> build() {
        List<Listing> out = new ArrayList<>();
        for (IndicatorCatalog.Entry e : IndicatorCatalog.all()) {
            List<Param> params = e.params().stream()
                    .map(p -> new Param(p.name(), p.kind().name().toLowerCase(java.util.Locale.ROOT), Optional.of(p.defaultValue()))).toList();
            out.add(new Listing(e.name(), "org.ta4j.core.indicators." + NATIVE_CLASSES.get(e.name()), params, e.outputs(), true, e.description()));
        }
        for (Ta4jCatalog.Entry e : Ta4jCatalog.get().entries()) {
            List<Param> params = e.params().stream()
                    .map(p -> new Param(p.name(), p.type().name().toLowerCase(java.util.Locale.ROOT), p.defaultValue())).toList();
            String simple = e.ta4jClass().substring(e.ta4jClass().lastIndexOf('.') + 1);
            String about = e.summary().isEmpty() ? "ta4j's " + simple + "." : e.summary();
            out.add(new Listing(e.name(), e.ta4jClass(), params, List.of(), false, about + (e.booleanValues() ? " 1 when true, 0 when false." : "")));
        }
        return List.copyOf(out);
    }
}
