package io.tradeshell.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;
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
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.PriceIndicator.Column;
import io.tradeshell.engine.indicators.RocIndicator;
import io.tradeshell.engine.indicators.RsiIndicator;
import io.tradeshell.engine.indicators.SmaIndicator;
import io.tradeshell.engine.indicators.StdDevIndicator;
import io.tradeshell.engine.indicators.VwapIndicator;
import io.tradeshell.engine.indicators.WmaIndicator;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.rules.Rule;
import io.tradeshell.engine.rules.Rules;
import io.tradeshell.engine.strategy.Overlays;
import java.util.Map;
import java.util.Optional;

/**
 * The base class of every strategy script: the words a script is written in. A script's body
 * declares parameters, indicators, rules and handlers; it runs once per symbol per run, before
 * any bar, so everything it declares is checked when the script loads.
 *
 * <p>Indicators are engine objects computed in plain Java per bar; rules built from them are
 * tested in plain Java too. Only {@code onBar}/{@code onTick} blocks run Groovy per bar.
 */
public abstract class StrategyScript extends Script {
    private ScriptSession session;

    final void attach(ScriptSession s) {
        this.session = s;
    }

    final ScriptSession session() {
        return session;
    }

    // ---- declarations -------------------------------------------------------------------

    /** The strategy's name in outputs and tables. */
    public void title(String title) {
        session.title = title;
    }

    /**
     * Declares the parameters with their defaults, {@code params fast: 10, slow: 30}; each becomes
     * a variable of the script, overridden by {@code --param name=value}.
     */
    public void params(Map<String, Object> defaults) {
        ParamValues.checkKnown(session.overrides, defaults, session.scriptName);
        for (var e : defaults.entrySet()) {
            Object value = e.getValue();
            if (session.overrides.containsKey(e.getKey())) value = ParamValues.coerce(e.getKey(), value, session.overrides.get(e.getKey()));
            session.params.put(e.getKey(), value);
            getBinding().setVariable(e.getKey(), value);
        }
    }

    public String getSymbol() { return session.context.symbol(); }

    /** The bars closed so far for this symbol. */
    public BarSeries getBars() { return session.context.bars(); }

    public PriceIndicator getOpen() { return session.price(Column.OPEN); }
    public PriceIndicator getHigh() { return session.price(Column.HIGH); }
    public PriceIndicator getLow() { return session.price(Column.LOW); }
    public PriceIndicator getClose() { return session.price(Column.CLOSE); }
    public PriceIndicator getVolume() { return session.price(Column.VOLUME); }

    // ---- indicators ---------------------------------------------------------------------

    public Indicator sma(Object input, Number bars) { return overlay(input, shared("sma", input, length("sma", bars), SmaIndicator::new)); }
    public Indicator ema(Object input, Number bars) { return overlay(input, shared("ema", input, length("ema", bars), EmaIndicator::new)); }
    public Indicator wma(Object input, Number bars) { return overlay(input, shared("wma", input, length("wma", bars), WmaIndicator::new)); }
    public Indicator rsi(Object input, Number bars) { return shared("rsi", input, length("rsi", bars), RsiIndicator::new); }
    public Indicator rsi(Number bars) { return rsi(getClose(), bars); }
    public Indicator stddev(Object input, Number bars) { return shared("stddev", input, length("stddev", bars), StdDevIndicator::new); }
    public Indicator highest(Object input, Number bars) { return overlay(input, shared("highest", input, length("highest", bars), HighestIndicator::new)); }
    public Indicator lowest(Object input, Number bars) { return overlay(input, shared("lowest", input, length("lowest", bars), LowestIndicator::new)); }
    public Indicator roc(Object input, Number bars) { return shared("roc", input, length("roc", bars), RocIndicator::new); }
    public Indicator atr(Number bars) { return new AtrIndicator(getBars(), length("atr", bars)); }
    public Indicator obv() { return new ObvIndicator(getBars()); }
    public Indicator vwap(Number bars) { return overlay(getClose(), new VwapIndicator(getBars(), length("vwap", bars))); }

    /** The value {@code bars} bars ago. */
    public Indicator previous(Object input, Number bars) { return Indicators.previous(indicator(input), length("previous", bars)); }
    public Indicator previous(Object input) { return previous(input, 1); }

    /** MACD line, signal and histogram: {@code m.line}, {@code m.signal}, {@code m.histogram}. */
    public Macd macd(Object input, Number fast, Number slow, Number signal) {
        return Macd.of(indicator(input), length("macd fast", fast), length("macd slow", slow), length("macd signal", signal));
    }
    public Macd macd(Object input) { return macd(input, 12, 26, 9); }
    public Macd macd() { return macd(getClose()); }

    /** Bollinger bands {@code upper}, {@code middle}, {@code lower} at {@code k} standard deviations. */
    public BollingerBands bollinger(Object input, Number bars, Number k) {
        BollingerBands b = BollingerBands.of(indicator(input), length("bollinger", bars), k.doubleValue());
        if (input instanceof PriceIndicator) {
            String name = "BB(" + input + ", " + bars + ", " + k + ")";
            session.overlays.add(new Overlays.Overlay(name + " upper", b.upper()));
            session.overlays.add(new Overlays.Overlay(name + " middle", b.middle()));
            session.overlays.add(new Overlays.Overlay(name + " lower", b.lower()));
        }
        return b;
    }
    public BollingerBands bollinger(Object input, Number bars) { return bollinger(input, bars, 2); }
    public BollingerBands bollinger(Number bars) { return bollinger(getClose(), bars, 2); }

    /** A number as a constant series, for rules such as {@code over(rsi, 70)}. */
    public Indicator constant(Number value) { return new ConstantIndicator(getBars(), value.doubleValue()); }

    // ---- rules --------------------------------------------------------------------------

    public Rule crossedOver(Object a, Object b) { return Rules.crossedOver(indicator(a), indicator(b)); }
    public Rule crossedUnder(Object a, Object b) { return Rules.crossedUnder(indicator(a), indicator(b)); }
    public Rule over(Object a, Object b) { return Rules.over(indicator(a), indicator(b)); }
    public Rule under(Object a, Object b) { return Rules.under(indicator(a), indicator(b)); }
    public Rule rising(Object a, Number bars) { return Rules.rising(indicator(a), length("rising", bars)); }
    public Rule rising(Object a) { return rising(a, 1); }
    public Rule falling(Object a, Number bars) { return Rules.falling(indicator(a), length("falling", bars)); }
    public Rule falling(Object a) { return falling(a, 1); }

    public Rule and(Rule first, Rule... more) {
        Rule r = first;
        for (Rule m : more) r = Rules.and(r, m);
        return r;
    }

    public Rule or(Rule first, Rule... more) {
        Rule r = first;
        for (Rule m : more) r = Rules.or(r, m);
        return r;
    }

    public Rule not(Rule rule) { return Rules.not(rule); }

    // ---- entries, exits and handlers ----------------------------------------------------

    /** Enter long when the rule holds and the position is flat: {@code buyWhen rule, qty: 10}. */
    public void buyWhen(Map<String, Object> sizing, Rule rule) {
        session.buy = Optional.of(rule);
        session.buySizing = Sizes.from(sizing, "buyWhen", session.context.maxLeverage());
    }
    public void buyWhen(Rule rule) { buyWhen(Map.of(), rule); }

    /** Close a long position when the rule holds. */
    public void sellWhen(Rule rule) { session.sell = Optional.of(rule); }

    /** Enter short when the rule holds and the position is flat. */
    public void shortWhen(Map<String, Object> sizing, Rule rule) {
        session.shortEntry = Optional.of(rule);
        session.shortSizing = Sizes.from(sizing, "shortWhen", session.context.maxLeverage());
    }
    public void shortWhen(Rule rule) { shortWhen(Map.of(), rule); }

    /** Close a short position when the rule holds. */
    public void coverWhen(Rule rule) { session.cover = Optional.of(rule); }

    /** {@code stopLoss percent: 5} or {@code stopLoss points: atr(14) * 2}. */
    public void stopLoss(Map<String, Object> spec) { session.exits = session.exits.withStopLoss(Offsets.from(spec, "stopLoss", this)); apply(); }

    /** {@code takeProfit percent: 10} or {@code takeProfit points: 5}. */
    public void takeProfit(Map<String, Object> spec) { session.exits = session.exits.withTakeProfit(Offsets.from(spec, "takeProfit", this)); apply(); }

    /** {@code trailingStop percent: 3} or {@code trailingStop points: atr(14) * 3}. */
    public void trailingStop(Map<String, Object> spec) { session.exits = session.exits.withTrailingStop(Offsets.from(spec, "trailingStop", this)); apply(); }

    private void apply() {
        if (!session.validating) session.context.exitPlan(session.exits);
    }

    /**
     * Risk limits the strategy keeps in every mode, as fractions:
     * {@code risk maxPositionPct: 0.25, maxLeverage: 1, maxOrderNotional: 50000, allowedSymbols: ['AAPL'],
     * staleAfter: '5m', dailyLossLimit: 0.02, maxDrawdown: 0.1}. A run's own options override each one.
     */
    public void risk(Map<String, Object> limits) {
        session.risk = RiskWords.from(limits, session.risk);
    }

    /** Imperative logic run at each bar's close, after the rules. */
    public void onBar(@DelegatesTo(value = BarScope.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        session.onBar = block;
    }

    /** Imperative logic run at each trade tick, in modes whose feed has ticks. */
    public void onTick(@DelegatesTo(value = BarScope.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        session.onTick = block;
    }

    // ---- helpers ------------------------------------------------------------------------

    /**
     * An indicator of a price column with a bar count: in a parameter sweep it is computed once
     * for all combinations (the engine's shared indicators); otherwise built for this run.
     */
    private Indicator shared(String kind, Object input, int bars, java.util.function.BiFunction<Indicator, Integer, Indicator> make) {
        var sharing = session.context.sharedIndicators();
        if (input instanceof PriceIndicator p && sharing.isPresent()) {
            Column column = p.column();
            return sharing.get().get(kind + "(" + p + ", " + bars + ")", series -> make.apply(new PriceIndicator(series, column), bars));
        }
        return make.apply(indicator(input), bars);
    }

    /** Remembers an indicator over a price column so charts can draw it on the price. */
    private Indicator overlay(Object input, Indicator made) {
        if (input instanceof PriceIndicator p && p.column() != Column.VOLUME) session.overlays.add(new Overlays.Overlay(made.toString(), made));
        return made;
    }

    Indicator indicator(Object o) {
        if (o instanceof Indicator i) return i;
        if (o instanceof Number n) return constant(n);
        throw new IllegalArgumentException("expected an indicator or a number, got " + (o == null ? "null" : o.getClass().getSimpleName() + " " + o));
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
