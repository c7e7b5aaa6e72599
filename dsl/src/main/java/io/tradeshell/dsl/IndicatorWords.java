package io.tradeshell.dsl;

import groovy.lang.Closure;
import groovy.lang.Script;
import groovy.transform.stc.ClosureParams;
import groovy.transform.stc.FromString;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.PriceIndicator.Column;
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
import io.tradeshell.engine.strategy.Overlays;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The indicator words beyond the first fourteen: the native oscillators, trend indicators,
 * channels and averages, and {@code ta(NAME, ...)} for the rest of ta4j's library. A base class of
 * {@link StrategyScript}, so a script simply writes {@code adx(14)} or {@code ta('ulcerIndex', close, 14)}.
 *
 * <p>Indicators over a price column (and those of the bars) are computed once per parameter sweep
 * and shared; those drawn on the price scale are remembered for charts.
 */
@ScriptApi
public abstract class IndicatorWords extends Script {

    /** The bars closed so far for this symbol. */
    public abstract BarSeries getBars();

    public abstract PriceIndicator getClose();

    abstract ScriptSession session();

    abstract Indicator indicator(Object o);

    // ---- oscillators ----------------------------------------------------------------------

    /** Stochastic %K over {@code kBars} and its {@code dBars}-bar average %D: {@code st.k}, {@code st.d}. */
    public Stochastic stochastic(Number kBars, Number dBars) {
        int k = StrategyScript.length("stochastic %K", kBars), d = StrategyScript.length("stochastic %D", dBars);
        return new Stochastic(bars("stochK(" + k + ")", s -> Stochastic.of(s, k, d).k()),
                bars("stochD(" + k + ", " + d + ")", s -> Stochastic.of(s, k, d).d()));
    }
    public Stochastic stochastic() { return stochastic(14, 3); }

    public Indicator williamsR(Number bars) { int n = StrategyScript.length("williamsR", bars); return bars("williamsR(" + n + ")", s -> new WilliamsR(s, n)); }
    public Indicator cci(Number bars) { int n = StrategyScript.length("cci", bars); return bars("cci(" + n + ")", s -> new Cci(s, n)); }
    public Indicator mfi(Number bars) { int n = StrategyScript.length("mfi", bars); return bars("mfi(" + n + ")", s -> new Mfi(s, n)); }
    public Indicator cmf(Number bars) { int n = StrategyScript.length("cmf", bars); return bars("cmf(" + n + ")", s -> new Cmf(s, n)); }

    /** Aroon up, down and oscillator: {@code a.up}, {@code a.down}, {@code a.oscillator}. */
    public Aroon aroon(Number bars) {
        int n = StrategyScript.length("aroon", bars);
        return new Aroon(bars("aroonUp(" + n + ")", s -> Aroon.of(s, n).up()), bars("aroonDown(" + n + ")", s -> Aroon.of(s, n).down()),
                bars("aroonOsc(" + n + ")", s -> Aroon.of(s, n).oscillator()));
    }
    public Aroon aroon() { return aroon(25); }

    /** How many standard deviations the input is from its mean over {@code bars}. */
    public Indicator zscore(Object input, Number bars) { return input("zscore", input, bars, ZScore::new); }

    // ---- trend --------------------------------------------------------------------------------

    /** ADX; {@code adx(14).plusDi} and {@code .minusDi} are the directional indexes. */
    public AdxIndicator adx(Number diBars, Number adxBars) {
        int di = StrategyScript.length("adx", diBars), m = StrategyScript.length("adx", adxBars);
        if (session().context.sharedIndicators().isEmpty()) return new AdxIndicator(getBars(), di, m);
        String args = di + ", " + m;
        return AdxIndicator.of(bars("adx(" + args + ")", s -> new AdxIndicator(s, di, m)),
                bars("plusDi(" + args + ")", s -> new AdxIndicator(s, di, m).getPlusDi()),
                bars("minusDi(" + args + ")", s -> new AdxIndicator(s, di, m).getMinusDi()), di, m);
    }
    public AdxIndicator adx(Number bars) { return adx(bars, bars); }
    public AdxIndicator adx() { return adx(14); }

    /** Parabolic SAR with acceleration {@code start}, raised by {@code increment} up to {@code max}. */
    public Indicator psar(Number start, Number max, Number increment) {
        String name = "PSAR(" + start + ", " + max + ", " + increment + ")";
        return onPrice(name, bars(name, s -> new ParabolicSar(s, start.doubleValue(), max.doubleValue(), increment.doubleValue())));
    }
    public Indicator psar() { return psar(0.02, 0.2, 0.02); }

    public Indicator supertrend(Number bars, Number multiplier) {
        int n = StrategyScript.length("supertrend", bars);
        String name = "SuperTrend(" + n + ", " + multiplier + ")";
        return onPrice(name, bars(name, s -> new SuperTrend(s, n, multiplier.doubleValue())));
    }
    public Indicator supertrend() { return supertrend(10, 3); }

    /** Tenkan, kijun, senkou A and B (no chikou: it would be a later bar's close). */
    public Ichimoku ichimoku(Number tenkanBars, Number kijunBars, Number spanBBars, Number offset) {
        int t = StrategyScript.length("ichimoku tenkan", tenkanBars), k = StrategyScript.length("ichimoku kijun", kijunBars);
        int b = StrategyScript.length("ichimoku senkou B", spanBBars), o = StrategyScript.length("ichimoku offset", offset);
        String args = t + ", " + k + ", " + b + ", " + o;
        Ichimoku i = new Ichimoku(bars("tenkan(" + args + ")", s -> Ichimoku.of(s, t, k, b, o).tenkan()),
                bars("kijun(" + args + ")", s -> Ichimoku.of(s, t, k, b, o).kijun()),
                bars("senkouA(" + args + ")", s -> Ichimoku.of(s, t, k, b, o).senkouA()),
                bars("senkouB(" + args + ")", s -> Ichimoku.of(s, t, k, b, o).senkouB()));
        String name = "Ichimoku(" + args + ")";
        onPrice(name + " tenkan", i.tenkan());
        onPrice(name + " kijun", i.kijun());
        onPrice(name + " senkou A", i.senkouA());
        onPrice(name + " senkou B", i.senkouB());
        return i;
    }
    public Ichimoku ichimoku() { return ichimoku(9, 26, 52, 26); }

    // ---- channels -----------------------------------------------------------------------------

    /** Keltner channels: an EMA of the typical price with bands {@code k} ATRs of {@code atrBars} away. */
    public Keltner keltner(Number bars, Number k, Number atrBars) {
        int n = StrategyScript.length("keltner", bars), a = StrategyScript.length("keltner ATR", atrBars);
        String args = n + ", " + k + ", " + a;
        Keltner c = new Keltner(bars("keltnerUpper(" + args + ")", s -> Keltner.of(s, n, k.doubleValue(), a).upper()),
                bars("keltnerMiddle(" + args + ")", s -> Keltner.of(s, n, k.doubleValue(), a).middle()),
                bars("keltnerLower(" + args + ")", s -> Keltner.of(s, n, k.doubleValue(), a).lower()));
        bands("Keltner(" + args + ")", c.upper(), c.middle(), c.lower());
        return c;
    }
    public Keltner keltner(Number bars, Number k) { return keltner(bars, k, 10); }
    public Keltner keltner() { return keltner(20, 2, 10); }

    /** Donchian channels: the highest high, the lowest low of {@code bars} bars, and their midpoint. */
    public Donchian donchian(Number bars) {
        int n = StrategyScript.length("donchian", bars);
        Donchian c = new Donchian(bars("donchianUpper(" + n + ")", s -> Donchian.of(s, n).upper()),
                bars("donchianMiddle(" + n + ")", s -> Donchian.of(s, n).middle()),
                bars("donchianLower(" + n + ")", s -> Donchian.of(s, n).lower()));
        bands("Donchian(" + n + ")", c.upper(), c.middle(), c.lower());
        return c;
    }

    // ---- averages -----------------------------------------------------------------------------

    /** Kaufman's adaptive average: efficiency over {@code erBars}, speeds between {@code fastBars} and {@code slowBars}. */
    public Indicator kama(Object input, Number erBars, Number fastBars, Number slowBars) {
        int er = StrategyScript.length("kama", erBars), fast = StrategyScript.length("kama fast", fastBars), slow = StrategyScript.length("kama slow", slowBars);
        String args = er + ", " + fast + ", " + slow;
        return onPrice(input, input("kama", input, args, i -> new KamaIndicator(i, er, fast, slow)));
    }
    public Indicator kama(Object input) { return kama(input, 10, 2, 30); }

    public Indicator hma(Object input, Number bars) { return onPrice(input, input("hma", input, bars, HmaIndicator::new)); }
    public Indicator dema(Object input, Number bars) { return onPrice(input, input("dema", input, bars, MultipleEma::dema)); }
    public Indicator tema(Object input, Number bars) { return onPrice(input, input("tema", input, bars, MultipleEma::tema)); }
    public Indicator zlema(Object input, Number bars) { return onPrice(input, input("zlema", input, bars, ZlemaIndicator::new)); }

    // ---- your own ---------------------------------------------------------------------------------

    /**
     * An indicator computed by a block, once per bar as it closes, and then used like any other
     * (in rules, in other indicators, on charts): {@code indicator('range') { bar -> bar.high - bar.low }},
     * or with its previous value first, {@code indicator('ema10') { prev, bar -> prev == null ? bar.close : prev + (bar.close - prev) * 2 / 11 }}.
     * Inside, {@code .value} and {@code [n]} of other indicators read as of the bar being computed.
     * Options: {@code warmup:} bars before its values can be trusted (0), {@code overlay: true} to draw it on the price chart.
     */
    public Indicator indicator(Map<String, Object> options, String name,
                               @ClosureParams(value = FromString.class, options = {"io.tradeshell.dsl.IndicatorBar",
                                       "java.lang.Double,io.tradeshell.dsl.IndicatorBar"}) Closure<?> block) {
        return CustomIndicators.declare(session(), options, name, block);
    }

    public Indicator indicator(String name,
                               @ClosureParams(value = FromString.class, options = {"io.tradeshell.dsl.IndicatorBar",
                                       "java.lang.Double,io.tradeshell.dsl.IndicatorBar"}) Closure<?> block) {
        return indicator(Map.of(), name, block);
    }

    // ---- the rest of ta4j -----------------------------------------------------------------------

    /**
     * Any indicator of ta4j's catalog by name, then its values in order, missing trailing ones
     * taken from their defaults: {@code ta('chandelierExitLong', 22, 3)}, {@code ta('ulcerIndex', close, 14)}.
     * {@code ./tradeshell indicators} lists the names with their parameters.
     */
    public Indicator ta(String name, Object... args) {
        Ta4jCatalog.Entry entry = Ta4jCatalog.get().find(name).orElseThrow(() -> new IllegalArgumentException(unknown(name)));
        List<Object> values = Arrays.asList(args);
        boolean allPrices = values.stream().allMatch(v -> !(v instanceof Indicator) || v instanceof PriceIndicator);
        String definition = "ta:" + name + values;
        var sharing = session().context.sharedIndicators();
        if (allPrices && sharing.isPresent()) {
            return sharing.get().get(definition, s -> Ta4jCall.build(entry, s, rebind(values, s)));
        }
        return Ta4jCall.build(entry, getBars(), values);
    }

    private static String unknown(String name) {
        List<String> names = Ta4jCatalog.get().entries().stream().map(Ta4jCatalog.Entry::name)
                .sorted(Comparator.comparingInt(n -> Typos.distance(n.toLowerCase(), name.toLowerCase()))).toList();
        String hint = names.isEmpty() || Typos.distance(names.getFirst().toLowerCase(), name.toLowerCase()) > Math.max(2, name.length() / 3)
                ? "" : " (did you mean '" + names.getFirst() + "'?)";
        return "no ta4j indicator '" + name + "'" + hint + "; './tradeshell indicators' lists them";
    }

    /** Price columns of the script's bars as the same columns of {@code series}, for sharing. */
    private static List<Object> rebind(List<Object> values, BarSeries series) {
        return values.stream().map(v -> v instanceof PriceIndicator p ? (Object) new PriceIndicator(series, p.column()) : v).toList();
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** An indicator of the bars, shared across a sweep's runs when there is one. */
    private Indicator bars(String definition, Function<BarSeries, Indicator> build) {
        var sharing = session().context.sharedIndicators();
        return sharing.isPresent() ? sharing.get().get(definition, build) : build.apply(getBars());
    }

    private Indicator input(String kind, Object input, Number bars, java.util.function.BiFunction<Indicator, Integer, Indicator> make) {
        int n = StrategyScript.length(kind, bars);
        return input(kind, input, String.valueOf(n), i -> make.apply(i, n));
    }

    /** An indicator of an input: shared when the input is a price column, built for this run otherwise. */
    private Indicator input(String kind, Object input, String args, Function<Indicator, Indicator> make) {
        var sharing = session().context.sharedIndicators();
        if (input instanceof PriceIndicator p && sharing.isPresent()) {
            Column column = p.column();
            return sharing.get().get(kind + "(" + p + ", " + args + ")", s -> make.apply(new PriceIndicator(s, column)));
        }
        return make.apply(indicator(input));
    }

    private Indicator onPrice(Object input, Indicator made) {
        if (input instanceof PriceIndicator p && p.column() != Column.VOLUME) session().overlays.add(new Overlays.Overlay(made.toString(), made));
        return made;
    }

    private Indicator onPrice(String name, Indicator made) {
        session().overlays.add(new Overlays.Overlay(name, made));
        return made;
    }

    private void bands(String name, Indicator upper, Indicator middle, Indicator lower) {
        onPrice(name + " upper", upper);
        onPrice(name + " middle", middle);
        onPrice(name + " lower", lower);
    }
}
