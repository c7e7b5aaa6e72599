package io.tradeshell.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
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
import io.tradeshell.engine.strategy.AccountIndicator;
import io.tradeshell.engine.strategy.Overlays;
import java.util.Map;
import org.codehaus.groovy.runtime.ScriptBytecodeAdapter;
import java.util.Optional;

/**
 * The base class of every strategy script: the words a script is written in. A script's body
 * declares parameters, indicators, rules and handlers; it runs once per symbol per run, before
 * any bar, so everything it declares is checked when the script loads.
 *
 * <p>Indicators are engine objects computed in plain Java per bar; rules built from them are
 * tested in plain Java too. Only {@code onBar}/{@code onTick} blocks run Groovy per bar.
 */
@ScriptApi
public abstract class StrategyScript extends ModelWords {
    private ScriptSession session;

    final void attach(ScriptSession s) {
        this.session = s;
        s.script = this;
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
            value = ParamValues.frozen(value); // a collection shared by the runs of a sweep must not carry state between them
            session.params.put(e.getKey(), value);
            getBinding().setVariable(e.getKey(), value);
        }
    }

    /**
     * A sizing expression, {@code qty: { equity * 0.01 / price }}: the compiler wraps each one in
     * this, which tells the static checker what the block sees when an entry is decided.
     */
    public Closure<?> sizing(@DelegatesTo(value = SizingScope.class, strategy = Closure.DELEGATE_FIRST) Closure<?> expression) {
        return expression;
    }

    /** A parameter's value in this run; the compiler turns each use of a parameter's name into this. */
    public Object paramValue(String name) {
        session.readParam(name);
        return getBinding().getVariable(name);
    }

    public String getSymbol() { return session.context.symbol(); }

    /** The bars closed so far for this symbol (inside {@code timeframe { }}, the completed bars of that timeframe). */
    public BarSeries getBars() { return session.bars(); }

    public PriceIndicator getOpen() { return session.price(Column.OPEN); }
    public PriceIndicator getHigh() { return session.price(Column.HIGH); }
    public PriceIndicator getLow() { return session.price(Column.LOW); }
    public PriceIndicator getClose() { return session.price(Column.CLOSE); }
    public PriceIndicator getVolume() { return session.price(Column.VOLUME); }

    // ---- other symbols and higher timeframes --------------------------------------------

    /** Another symbol's close on this symbol's bars: its last bar closed at or before each bar's close. */
    public Indicator close(String symbol) { return session.across.price(symbol, Column.CLOSE); }
    public Indicator open(String symbol) { return session.across.price(symbol, Column.OPEN); }
    public Indicator high(String symbol) { return session.across.price(symbol, Column.HIGH); }
    public Indicator low(String symbol) { return session.across.price(symbol, Column.LOW); }
    public Indicator volume(String symbol) { return session.across.price(symbol, Column.VOLUME); }

    /** Another symbol's bars closed so far, indexed by its own bars. */
    public BarSeries bars(String symbol) { return session.across.bars(symbol); }

    /** A price series on a higher timeframe: {@code on(close, '1w')}, the same as {@code close.on('1w')}. */
    public Indicator on(Indicator price, String timeframe) { return session.across.on(price, timeframe); }

    /**
     * An indicator on a higher timeframe of this symbol, read on its bars:
     * {@code timeframe('1w') { sma(close, 20) }}. Inside the block the words build on the
     * completed bars of the timeframe (UTC days, weeks from Monday, months, or {@code '6 bars'});
     * the period in progress is never among them, so its value changes only once a period closes.
     */
    public Indicator timeframe(String timeframe,
                               @DelegatesTo(value = StrategyScript.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        if (session.frame != null) throw new IllegalArgumentException("timeframe { } blocks do not nest");
        var resampled = session.across.resampled(session.context.bars(), timeframe);
        Object result;
        session.frame = resampled;
        session.frameText = timeframe;
        try {
            Closure<?> c = block.rehydrate(this, this, this);
            c.setResolveStrategy(Closure.DELEGATE_FIRST);
            result = c.call();
        } finally {
            session.frame = null;
            session.frameText = null;
        }
        if (!(result instanceof Indicator made) || made.series() != resampled.bars()) {
            throw new IllegalArgumentException("timeframe('" + timeframe + "') { ... } must end with an indicator built in it, such as sma(close, 20); got "
                    + (result == null ? "nothing" : result));
        }
        return new io.tradeshell.engine.indicators.AlignedIndicator(session.context.bars(), made, resampled);
    }
    // ---- the account, as series for rules: each bar's value is the account at its close ----

    /** Cash plus positions at their last prices: {@code over(equity, 50000)}. */
    public Indicator getEquity() { return session.account(AccountIndicator.Field.EQUITY); }
    public Indicator getCash() { return session.account(AccountIndicator.Field.CASH); }
    /** The signed position in units: positive long, negative short, 0 flat. */
    public Indicator getPosition() { return session.account(AccountIndicator.Field.POSITION); }
    /** The open position's average entry price; NaN when flat, so comparisons with it are false. */
    public Indicator getEntryPrice() { return session.account(AccountIndicator.Field.ENTRY_PRICE); }

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
    public Indicator previous(Object input, Number bars) {
        int n = length("previous", bars);
        if (input instanceof io.tradeshell.engine.indicators.AlignedIndicator a) {
            return alignedLike(a, Indicators.previous(a.source(), n));
        }
        return Indicators.previous(indicator(input), n);
    }
    public Indicator previous(Object input) { return previous(input, 1); }

    /** MACD line, signal and histogram: {@code m.line}, {@code m.signal}, {@code m.histogram}. */
    public Macd macd(Object input, Number fast, Number slow, Number signal) {
        int f = length("macd fast", fast), sl = length("macd slow", slow), sg = length("macd signal", signal);
        if (input instanceof io.tradeshell.engine.indicators.AlignedIndicator a) {
            Macd m = Macd.of(a.source(), f, sl, sg);
            return new Macd(alignedLike(a, m.line()), alignedLike(a, m.signal()), alignedLike(a, m.histogram()));
        }
        return Macd.of(indicator(input), f, sl, sg);
    }
    public Macd macd(Object input) { return macd(input, 12, 26, 9); }
    public Macd macd() { return macd(getClose()); }

    /** Bollinger bands {@code upper}, {@code middle}, {@code lower} at {@code k} standard deviations. */
    public BollingerBands bollinger(Object input, Number bars, Number k) {
        if (input instanceof io.tradeshell.engine.indicators.AlignedIndicator a) {
            BollingerBands b = BollingerBands.of(a.source(), length("bollinger", bars), k.doubleValue());
            return new BollingerBands(alignedLike(a, b.upper()), alignedLike(a, b.middle()), alignedLike(a, b.lower()));
        }
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

    // What a comparison kept in a variable in the script body (def e = a > b) becomes: a rule
    // (over, under) when a side is an indicator, else Groovy's own comparison of the two values.
    public Rule greaterThan(Indicator a, Object b) { return over(a, b); }
    public Rule greaterThan(Object a, Indicator b) { return over(a, b); }
    public Rule greaterThan(Indicator a, Indicator b) { return over(a, b); }
    public boolean greaterThan(Object a, Object b) { return ScriptBytecodeAdapter.compareGreaterThan(a, b); }
    public Rule lessThan(Indicator a, Object b) { return under(a, b); }
    public Rule lessThan(Object a, Indicator b) { return under(a, b); }
    public Rule lessThan(Indicator a, Indicator b) { return under(a, b); }
    public boolean lessThan(Object a, Object b) { return ScriptBytecodeAdapter.compareLessThan(a, b); }

    // ---- entries, exits and handlers ----------------------------------------------------

    /** Enter long when the rule holds and the position is flat: {@code buyWhen rule, qty: 10}. */
    public void buyWhen(Map<String, Object> sizing, Rule rule) {
        session.buy = Optional.of(rule);
        session.buySizing = Sizes.from(sizing, "buyWhen", session);
    }
    public void buyWhen(Rule rule) { buyWhen(Map.of(), rule); }

    /** Close a long position when the rule holds. */
    public void sellWhen(Rule rule) { session.sell = Optional.of(rule); }

    /** Enter short when the rule holds and the position is flat. */
    public void shortWhen(Map<String, Object> sizing, Rule rule) {
        session.shortEntry = Optional.of(rule);
        session.shortSizing = Sizes.from(sizing, "shortWhen", session);
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

    // ---- the portfolio section ----------------------------------------------------------

    /**
     * A section run over the whole universe on a schedule, setting targets the allocator turns
     * into orders: {@code portfolio(schedule: 'month-start') { targetWeights(equalWeight(top(3) { s -> value(roc(close(s), 126)) })) }}.
     * Options: {@code schedule} ({@code bar} by default; {@code day-start}, {@code day-end},
     * {@code week-start}, {@code week-end}, {@code month-start}, {@code month-end}, or {@code daily},
     * {@code weekly}, {@code monthly} for the start), {@code tolerance}, {@code cashBuffer}, {@code leverage}.
     */
    public void portfolio(Map<String, Object> options,
                          @DelegatesTo(value = PortfolioScope.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        session.portfolioPlan = PortfolioPlan.from(options);
        session.portfolio = block;
    }

    public void portfolio(@DelegatesTo(value = PortfolioScope.class, strategy = Closure.DELEGATE_FIRST) Closure<?> block) {
        portfolio(Map.of(), block);
    }

    // ---- helpers ------------------------------------------------------------------------

    /**
     * An indicator of a price column with a bar count: in a parameter sweep it is computed once
     * for all combinations (the engine's shared indicators); otherwise built for this run.
     */
    private Indicator shared(String kind, Object input, int bars, java.util.function.BiFunction<Indicator, Integer, Indicator> make) {
        if (input instanceof io.tradeshell.engine.indicators.AlignedIndicator a) {
            // another symbol's or timeframe's series: compute on its own bars, then read it on ours
            return alignedLike(a, make.apply(a.source(), bars));
        }
        var sharing = session.context.sharedIndicators();
        if (input instanceof PriceIndicator p && sharing.isPresent() && p.series() == session.context.bars()) {
            Column column = p.column();
            return sharing.get().get(kind + "(" + p + ", " + bars + ")", series -> make.apply(new PriceIndicator(series, column), bars));
        }
        return make.apply(indicator(input), bars);
    }

    /** {@code made}, computed on the bars {@code a} reads from, read on the same bars as {@code a}. */
    private static Indicator alignedLike(io.tradeshell.engine.indicators.AlignedIndicator a, Indicator made) {
        return new io.tradeshell.engine.indicators.AlignedIndicator(a.series(), made, a.clock());
    }

    /** Remembers an indicator over a price column so charts can draw it on the price. */
    private Indicator overlay(Object input, Indicator made) {
        if (input instanceof PriceIndicator p && p.column() != Column.VOLUME && p.series() == session.context.bars()) session.overlays.add(new Overlays.Overlay(made.toString(), made));
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
