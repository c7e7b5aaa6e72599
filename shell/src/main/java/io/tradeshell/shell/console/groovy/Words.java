package io.tradeshell.shell.console.groovy;

import io.tradeshell.engine.indicators.AtrIndicator;
import io.tradeshell.engine.indicators.BollingerBands;
import io.tradeshell.engine.indicators.ConstantIndicator;
import io.tradeshell.engine.indicators.EmaIndicator;
import io.tradeshell.engine.indicators.HighestIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.Indicators;
import io.tradeshell.engine.indicators.LowestIndicator;
import io.tradeshell.engine.indicators.Macd;
import io.tradeshell.engine.indicators.ObvIndicator;
import io.tradeshell.engine.indicators.RocIndicator;
import io.tradeshell.engine.indicators.RsiIndicator;
import io.tradeshell.engine.indicators.SmaIndicator;
import io.tradeshell.engine.indicators.StdDevIndicator;
import io.tradeshell.engine.indicators.VwapIndicator;
import io.tradeshell.engine.indicators.WmaIndicator;
import io.tradeshell.engine.indicators.averages.HmaIndicator;
import io.tradeshell.engine.indicators.averages.KamaIndicator;
import io.tradeshell.engine.indicators.averages.MultipleEma;
import io.tradeshell.engine.indicators.averages.ZlemaIndicator;
import io.tradeshell.engine.indicators.channels.Donchian;
import io.tradeshell.engine.indicators.channels.Keltner;
import io.tradeshell.engine.indicators.library.Ta4jCall;
import io.tradeshell.engine.indicators.library.Ta4jCatalog;
import io.tradeshell.engine.indicators.oscillators.Aroon;
import io.tradeshell.engine.indicators.oscillators.Cci;
import io.tradeshell.engine.indicators.oscillators.Cmf;
import io.tradeshell.engine.indicators.oscillators.Mfi;
import io.tradeshell.engine.indicators.oscillators.Stochastic;
import io.tradeshell.engine.indicators.oscillators.WilliamsR;
import io.tradeshell.engine.indicators.oscillators.ZScore;
import io.tradeshell.engine.indicators.trend.AdxIndicator;
import io.tradeshell.engine.indicators.trend.Ichimoku;
import io.tradeshell.engine.indicators.trend.ParabolicSar;
import io.tradeshell.engine.indicators.trend.SuperTrend;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.rules.Rule;
import io.tradeshell.engine.rules.Rules;
import io.tradeshell.shell.console.data.Dataset;
import java.util.List;

/**
 * The indicator and rule words of strategy scripts, for exploring loaded data: the same engine
 * indicators, taking a dataset's column ({@code aapl.close}), any indicator, or a dataset itself
 * (its close). Static, so Groovy and Java snippets both import them.
 */
public final class Words {
    /** Every word, for completion and help. */
    public static final List<String> NAMES = List.of("sma", "ema", "wma", "rsi", "stddev", "highest", "lowest", "roc",
            "atr", "obv", "vwap", "previous", "macd", "bollinger", "constant", "crossedOver", "crossedUnder", "over",
            "under", "rising", "falling", "stochastic", "williamsR", "cci", "mfi", "cmf", "aroon", "zscore", "adx", "psar", "supertrend",
            "ichimoku", "keltner", "donchian", "kama", "hma", "dema", "tema", "zlema", "ta");

    private Words() { }

    public static Indicator sma(Object input, Number bars) { return new SmaIndicator(input(input), length("sma", bars)); }
    public static Indicator ema(Object input, Number bars) { return new EmaIndicator(input(input), length("ema", bars)); }
    public static Indicator wma(Object input, Number bars) { return new WmaIndicator(input(input), length("wma", bars)); }
    public static Indicator rsi(Object input, Number bars) { return new RsiIndicator(input(input), length("rsi", bars)); }
    public static Indicator rsi(Object input) { return rsi(input, 14); }
    public static Indicator stddev(Object input, Number bars) { return new StdDevIndicator(input(input), length("stddev", bars)); }
    public static Indicator highest(Object input, Number bars) { return new HighestIndicator(input(input), length("highest", bars)); }
    public static Indicator lowest(Object input, Number bars) { return new LowestIndicator(input(input), length("lowest", bars)); }
    public static Indicator roc(Object input, Number bars) { return new RocIndicator(input(input), length("roc", bars)); }
    public static Indicator atr(Object data, Number bars) { return new AtrIndicator(bars(data, "atr"), length("atr", bars)); }
    public static Indicator obv(Object data) { return new ObvIndicator(bars(data, "obv")); }
    public static Indicator vwap(Object data, Number bars) { return new VwapIndicator(bars(data, "vwap"), length("vwap", bars)); }
    public static Indicator previous(Object input, Number bars) { return Indicators.previous(input(input), length("previous", bars)); }
    public static Indicator previous(Object input) { return previous(input, 1); }

    /** MACD line, signal and histogram. */
    public static Macd macd(Object input, Number fast, Number slow, Number signal) {
        return Macd.of(input(input), length("macd fast", fast), length("macd slow", slow), length("macd signal", signal));
    }
    public static Macd macd(Object input) { return macd(input, 12, 26, 9); }

    /** Bollinger bands at {@code k} standard deviations. */
    public static BollingerBands bollinger(Object input, Number bars, Number k) {
        return BollingerBands.of(input(input), length("bollinger", bars), k.doubleValue());
    }
    public static BollingerBands bollinger(Object input, Number bars) { return bollinger(input, bars, 2); }

    public static Stochastic stochastic(Object data, Number kBars, Number dBars) {
        return Stochastic.of(bars(data, "stochastic"), length("stochastic %K", kBars), length("stochastic %D", dBars));
    }
    public static Stochastic stochastic(Object data) { return stochastic(data, 14, 3); }
    public static Indicator williamsR(Object data, Number bars) { return new WilliamsR(bars(data, "williamsR"), length("williamsR", bars)); }
    public static Indicator cci(Object data, Number bars) { return new Cci(bars(data, "cci"), length("cci", bars)); }
    public static Indicator mfi(Object data, Number bars) { return new Mfi(bars(data, "mfi"), length("mfi", bars)); }
    public static Indicator cmf(Object data, Number bars) { return new Cmf(bars(data, "cmf"), length("cmf", bars)); }
    public static Aroon aroon(Object data, Number bars) { return Aroon.of(bars(data, "aroon"), length("aroon", bars)); }
    public static Indicator zscore(Object input, Number bars) { return new ZScore(input(input), length("zscore", bars)); }
    public static AdxIndicator adx(Object data, Number bars) { return new AdxIndicator(bars(data, "adx"), length("adx", bars)); }
    public static Indicator psar(Object data) { return new ParabolicSar(bars(data, "psar")); }
    public static Indicator supertrend(Object data, Number bars, Number multiplier) {
        return new SuperTrend(bars(data, "supertrend"), length("supertrend", bars), multiplier.doubleValue());
    }
    public static Ichimoku ichimoku(Object data) { return Ichimoku.of(bars(data, "ichimoku")); }
    public static Keltner keltner(Object data, Number bars, Number k) {
        return Keltner.of(bars(data, "keltner"), length("keltner", bars), k.doubleValue(), 10);
    }
    public static Donchian donchian(Object data, Number bars) { return Donchian.of(bars(data, "donchian"), length("donchian", bars)); }
    public static Indicator kama(Object input) { return new KamaIndicator(input(input), 10, 2, 30); }
    public static Indicator hma(Object input, Number bars) { return new HmaIndicator(input(input), length("hma", bars)); }
    public static Indicator dema(Object input, Number bars) { return MultipleEma.dema(input(input), length("dema", bars)); }
    public static Indicator tema(Object input, Number bars) { return MultipleEma.tema(input(input), length("tema", bars)); }
    public static Indicator zlema(Object input, Number bars) { return new ZlemaIndicator(input(input), length("zlema", bars)); }

    /** A ta4j indicator of the catalog over a dataset's bars: {@code ta(aapl, 'ulcerIndex', aapl.close, 14)}. */
    public static Indicator ta(Object data, String name, Object... args) {
        Ta4jCatalog.Entry entry = Ta4jCatalog.get().find(name).orElseThrow(() -> new IllegalArgumentException(
                "no ta4j indicator '" + name + "'; 'help indicators' lists them"));
        return Ta4jCall.build(entry, bars(data, "ta"), java.util.Arrays.asList(args));
    }

    /** A number as a series over a dataset's bars. */
    public static Indicator constant(Object data, Number value) { return new ConstantIndicator(bars(data, "constant"), value.doubleValue()); }

    public static Signal crossedOver(Object a, Object b) { return signal(Rules.crossedOver(input(a), other(b, a)), a); }
    public static Signal crossedUnder(Object a, Object b) { return signal(Rules.crossedUnder(input(a), other(b, a)), a); }
    public static Signal over(Object a, Object b) { return signal(Rules.over(input(a), other(b, a)), a); }
    public static Signal under(Object a, Object b) { return signal(Rules.under(input(a), other(b, a)), a); }
    public static Signal rising(Object a, Number bars) { return signal(Rules.rising(input(a), length("rising", bars)), a); }
    public static Signal falling(Object a, Number bars) { return signal(Rules.falling(input(a), length("falling", bars)), a); }

    private static Signal signal(Rule rule, Object on) {
        return new Signal(rule, input(on).series());
    }

    /** An indicator from what the user passed: an indicator, or a dataset (its close). */
    public static Indicator input(Object o) {
        if (o instanceof Indicator i) return i;
        if (o instanceof Dataset d) return d.getClose();
        throw new IllegalArgumentException("expected an indicator or loaded data (such as aapl.close), got "
                + (o == null ? "null" : o.getClass().getSimpleName() + " " + o));
    }

    private static Indicator other(Object o, Object reference) {
        if (o instanceof Number n) return new ConstantIndicator(input(reference).series(), n.doubleValue());
        return input(o);
    }

    private static BarSeries bars(Object o, String what) {
        if (o instanceof Dataset d) return d.bars();
        if (o instanceof BarSeries s) return s;
        if (o instanceof Indicator i) return i.series();
        throw new IllegalArgumentException(what + " needs loaded data (such as aapl), got "
                + (o == null ? "null" : o.getClass().getSimpleName()));
    }

    static int length(String what, Number n) {
        if (n == null) throw new IllegalArgumentException(what + " needs a bar count");
        double d = n.doubleValue();
        if (d != Math.rint(d) || d < 1 || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " needs a whole number of bars >= 1, got " + n);
        }
        return (int) d;
    }
}
