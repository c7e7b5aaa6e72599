package io.tradeshell.dsl;

import groovy.lang.Closure;
import io.tradeshell.engine.allocation.Target;
import io.tradeshell.engine.allocation.Targets;
import io.tradeshell.engine.indicators.EmaIndicator;
import io.tradeshell.engine.indicators.HighestIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.Indicators;
import io.tradeshell.engine.indicators.LowestIndicator;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.PriceIndicator.Column;
import io.tradeshell.engine.indicators.RocIndicator;
import io.tradeshell.engine.indicators.RsiIndicator;
import io.tradeshell.engine.indicators.SmaIndicator;
import io.tradeshell.engine.indicators.StdDevIndicator;
import io.tradeshell.engine.indicators.WmaIndicator;
import io.tradeshell.engine.strategy.PortfolioContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.DoubleBinaryOperator;

/**
 * What a {@code portfolio { }} section sees each time it runs: the universe, each symbol's
 * closed bars through indicators, the account, and targets to set. An indicator asked for twice
 * with the same input and length is the same object, built once and pulled forward as bars
 * close, so calling {@code roc(close(sym), 126)} in the section every month costs one new value
 * per bar, not a recomputation.
 */
@ScriptApi
public final class PortfolioScope {
    private final PortfolioContext ctx;
    private final Map<String, Object> params;
    /** Each symbol's price series, by column ordinal, made at first use. */
    private final Map<String, PriceIndicator[]> prices = new HashMap<>();
    private final Map<Definition, Indicator> built = new HashMap<>();
    private java.util.Set<String> known;
    private final Map<String, AlignedPair> pairs = new LinkedHashMap<>();
    long open;
    Targets targets;

    /** One indicator definition: a kind of indicator over an input with a length. */
    private record Definition(String kind, Indicator input, int bars) { }

    /**
     * A symbol's price column that keeps the indicators built over it: a section ranking the
     * universe asks for {@code roc(close(sym), 126)} once per symbol per run, and finding it
     * among the few kept beside its input costs less than hashing a definition.
     */
    private static final class SymbolPrice extends PriceIndicator {
        private String[] kinds = new String[2];
        private int[] lengths = new int[2];
        private Indicator[] made = new Indicator[2];
        private int count;

        SymbolPrice(io.tradeshell.engine.model.BarSeries series, Column column) {
            super(series, column);
        }

        Indicator built(String kind, int n, BiFunction<Indicator, Integer, Indicator> make) {
            for (int k = 0; k < count; k++) if (lengths[k] == n && kinds[k].equals(kind)) return made[k];
            Indicator i = make.apply(this, n);
            if (count == made.length) {
                kinds = java.util.Arrays.copyOf(kinds, count * 2);
                lengths = java.util.Arrays.copyOf(lengths, count * 2);
                made = java.util.Arrays.copyOf(made, count * 2);
            }
            kinds[count] = kind;
            lengths[count] = n;
            made[count++] = i;
            return i;
        }
    }

    PortfolioScope(PortfolioContext ctx, Map<String, Object> params) {
        this.ctx = ctx;
        this.params = params;
    }

    /** Before each run of the section: aligned pairs catch up and no targets are set yet. */
    void startRun(long barOpen) {
        this.open = barOpen;
        this.targets = null;
        for (AlignedPair p : pairs.values()) p.catchUp();
    }

    // ---- the universe and the account -----------------------------------------------------

    /** The run's symbols, in the order of its data. */
    public List<String> getSymbols() { return ctx.symbols(); }
    /** When the bars of this bar time opened. */
    public Instant getTime() { return Instant.ofEpochMilli(open); }
    public double getEquity() { return ctx.equity(); }
    public double getCash() { return ctx.cash(); }
    public Map<String, Object> getParams() { return params; }
    /** Signed units held of the symbol. */
    public double position(String symbol) { return ctx.position(symbol); }
    /** The symbol's last close (NaN before its first bar). */
    public double price(String symbol) { return ctx.lastPrice(symbol); }
    /** The signed share of equity the symbol's position is worth at its last close. */
    public double weight(String symbol) {
        double p = ctx.position(symbol);
        return p == 0 ? 0 : p * ctx.lastPrice(symbol) / ctx.equity();
    }

    // ---- series and indicators of any symbol ----------------------------------------------

    public PriceIndicator open(String symbol) { return price(symbol, Column.OPEN); }
    public PriceIndicator high(String symbol) { return price(symbol, Column.HIGH); }
    public PriceIndicator low(String symbol) { return price(symbol, Column.LOW); }
    public PriceIndicator close(String symbol) { return price(symbol, Column.CLOSE); }
    public PriceIndicator volume(String symbol) { return price(symbol, Column.VOLUME); }

    public Indicator sma(Indicator input, Number bars) { return built("sma", input, bars, SmaIndicator::new); }
    public Indicator ema(Indicator input, Number bars) { return built("ema", input, bars, EmaIndicator::new); }
    public Indicator wma(Indicator input, Number bars) { return built("wma", input, bars, WmaIndicator::new); }
    public Indicator rsi(Indicator input, Number bars) { return built("rsi", input, bars, RsiIndicator::new); }
    public Indicator roc(Indicator input, Number bars) { return built("roc", input, bars, RocIndicator::new); }
    public Indicator stddev(Indicator input, Number bars) { return built("stddev", input, bars, StdDevIndicator::new); }
    public Indicator highest(Indicator input, Number bars) { return built("highest", input, bars, HighestIndicator::new); }
    public Indicator lowest(Indicator input, Number bars) { return built("lowest", input, bars, LowestIndicator::new); }

    /** How many standard deviations (population, as ta4j's) the value is from its {@code bars}-bar mean. */
    public Indicator zscore(Indicator input, Number bars) {
        return built("zscore", input, bars, (in, n) ->
                Indicators.dividedBy(Indicators.minus(in, sma(in, n)), stddev(in, n)));
    }

    /** {@code a}'s close divided by {@code b}'s, aligned by time (each one's last close at or before it). */
    public Indicator ratio(String a, String b) { return pair("ratio", a, b, (x, y) -> x / y); }

    /** The natural log of {@code a}'s close over {@code b}'s, aligned by time. */
    public Indicator logRatio(String a, String b) { return pair("logRatio", a, b, (x, y) -> Math.log(x / y)); }

    /**
     * The script's own indicator {@code name} ({@code indicator('name') { bar -> ... }} in the
     * script body) on {@code symbol}'s bars, as computed there bar by bar: rank by it with
     * {@code value(indicator('momentum', s))}. One declared inside {@code timeframe { }} shows
     * a period's value once that period has closed.
     */
    public Indicator indicator(String name, String symbol) {
        checkSymbol(symbol);
        Indicator found = ctx.strategyOf(symbol) instanceof ScriptedStrategy s ? s.custom(name) : null;
        if (found == null) {
            throw new IllegalArgumentException("no indicator '" + name + "' is declared in the script body"
                    + " (declare it there with indicator('" + name + "') { bar -> ... } to read it here)");
        }
        return found;
    }

    /**
     * The indicator's value at the newest closed bar of its symbol (at or before this bar time);
     * NaN while it is still warming up (its unstable bars) or before the symbol's first bar.
     */
    public double value(Indicator indicator) {
        int last = indicator.series().lastIndex();
        if (last < 0 || last < indicator.unstableBars()) return Double.NaN;
        return indicator.value(last);
    }

    // ---- ranking ---------------------------------------------------------------------------

    /** The symbols by score, highest first; a symbol whose score is NaN is left out; ties keep the given order. */
    public List<String> rank(List<String> symbols, Closure<?> score) {
        String[] names = new String[symbols.size()];
        double[] scores = new double[names.length];
        int scored = 0;
        for (String s : symbols) {
            Object v = score.call(s);
            if (!(v instanceof Number n)) throw new IllegalArgumentException("a rank score must be a number, got " + v + " for " + s);
            double d = n.doubleValue();
            if (Double.isNaN(d)) continue;
            names[scored] = s;
            scores[scored++] = d;
        }
        return Ranking.highestFirst(names, scores, scored);
    }

    /** Every symbol of the universe by score, highest first. */
    public List<String> rank(Closure<?> score) { return rank(getSymbols(), score); }

    /** The {@code n} best-scoring symbols, highest first. */
    public List<String> top(Number n, List<String> symbols, Closure<?> score) {
        List<String> r = rank(symbols, score);
        return r.subList(0, Math.min(count("top", n), r.size()));
    }

    public List<String> top(Number n, Closure<?> score) { return top(n, getSymbols(), score); }

    /** The {@code n} lowest-scoring symbols, lowest first. */
    public List<String> bottom(Number n, List<String> symbols, Closure<?> score) {
        List<String> r = new ArrayList<>(rank(symbols, score));
        java.util.Collections.reverse(r);
        return r.subList(0, Math.min(count("bottom", n), r.size()));
    }

    public List<String> bottom(Number n, Closure<?> score) { return bottom(n, getSymbols(), score); }

    /** Equal weights adding up to one over the symbols, for {@code targetWeights(equalWeight(picks))}. */
    public Map<String, Object> equalWeight(List<String> symbols) {
        Map<String, Object> w = new LinkedHashMap<>();
        for (String s : symbols) w.put(s, 1.0 / symbols.size());
        return w;
    }

    // ---- targets ---------------------------------------------------------------------------

    /** The whole book as signed fractions of equity: {@code targetWeights(XLK: 0.5, XLE: 0.5)}; symbols not named go flat. */
    public void targetWeights(Map<String, Object> weights) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (var e : weights.entrySet()) {
            checkSymbol(e.getKey());
            if (!(e.getValue() instanceof Number n)) throw new IllegalArgumentException("the weight of " + e.getKey() + " must be a number, got " + e.getValue());
            w.put(e.getKey(), n.doubleValue());
        }
        targets().weights(w);
    }

    /** One symbol's target as a percent of equity (negative for short); the others stay as they are. */
    public void targetPercent(String symbol, Number percent) {
        checkSymbol(symbol);
        targets().set(symbol, new Target.Weight(percent.doubleValue() / 100.0));
    }

    /** One symbol's target in units (negative for short), rounded toward zero to lots; the others stay as they are. */
    public void targetQty(String symbol, Number qty) {
        checkSymbol(symbol);
        targets().set(symbol, new Target.Units(qty.doubleValue()));
    }

    private Targets targets() {
        if (targets == null) targets = new Targets();
        return targets;
    }

    private void checkSymbol(String symbol) {
        if (known == null) known = new java.util.HashSet<>(ctx.symbols()); // a run's universe is fixed; ranking asks per symbol
        if (!known.contains(symbol)) {
            throw new IllegalArgumentException("unknown symbol '" + symbol + "' (this run has " + String.join(", ", ctx.symbols()) + ")");
        }
    }

    private PriceIndicator price(String symbol, Column column) {
        PriceIndicator[] columns = prices.get(symbol); // only known symbols are ever put here
        if (columns == null) {
            checkSymbol(symbol);
            columns = new PriceIndicator[Column.values().length];
            prices.put(symbol, columns);
        }
        PriceIndicator p = columns[column.ordinal()];
        if (p == null) p = columns[column.ordinal()] = new SymbolPrice(ctx.bars(symbol), column);
        return p;
    }

    private Indicator built(String kind, Indicator input, Number bars, BiFunction<Indicator, Integer, Indicator> make) {
        int n = StrategyScript.length(kind, bars);
        if (input instanceof SymbolPrice price) return price.built(kind, n, make);
        Definition d = new Definition(kind, input, n);
        Indicator i = built.get(d);
        if (i == null) {
            i = make.apply(input, n);
            built.put(d, i);
        }
        return i;
    }

    private Indicator pair(String kind, String a, String b, DoubleBinaryOperator combine) {
        checkSymbol(a);
        checkSymbol(b);
        String name = kind + "(" + a + ", " + b + ")";
        AlignedPair p = pairs.get(name);
        if (p == null) {
            p = new AlignedPair(name, ctx.bars(a), ctx.bars(b), combine);
            p.catchUp();
            pairs.put(name, p);
        }
        return p.values();
    }

    private static int count(String what, Number n) {
        return StrategyScript.length(what, n);
    }

    @Override
    public String toString() { return "portfolio at " + getTime(); }
}
