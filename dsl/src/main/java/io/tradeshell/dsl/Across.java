package io.tradeshell.dsl;

import io.tradeshell.engine.indicators.AlignedIndicator;
import io.tradeshell.engine.indicators.Indicator;
import io.tradeshell.engine.indicators.PriceIndicator;
import io.tradeshell.engine.indicators.PriceIndicator.Column;
import io.tradeshell.engine.model.BarSeries;
import io.tradeshell.engine.timeframe.ResampledBars;
import io.tradeshell.engine.timeframe.Timeframe;
import io.tradeshell.engine.timeframe.TimeframeBars;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Other symbols and higher timeframes, read on this symbol's bars: {@code close('XLK')},
 * {@code close.on('1w')}. Each is an {@link AlignedIndicator}, so a value is that series' last
 * bar known by the current bar's close. Views are made once per script run and reused, so
 * reading one inside {@code onBar} costs no more than reading it in a rule.
 */
final class Across {
    private final ScriptSession session;
    private final Map<String, Indicator> prices = new HashMap<>();
    private final Map<String, TimeframeBars> resampled = new HashMap<>();

    Across(ScriptSession session) {
        this.session = session;
    }

    /** The bars closed so far of {@code symbol}; an unknown symbol fails naming the run's symbols. */
    BarSeries bars(String symbol) {
        var found = session.context.barsOf(symbol);
        if (found.isPresent()) return found.get();
        // the load-time check has no universe yet: any name will do until the run says which exist
        if (session.validating) return emptyBars(symbol);
        List<String> known = session.context.universe();
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = Typos.distance(symbol.toUpperCase(), k.toUpperCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        throw new IllegalArgumentException("unknown symbol '" + symbol + "'" + (best == null ? "" : " (did you mean '" + best + "'?)")
                + ": this run has " + String.join(", ", known));
    }

    private BarSeries emptyBars(String symbol) {
        return new BarSeries(symbol, Duration.ofDays(1), 2, 16);
    }

    /** A price column of {@code symbol}, read on this symbol's bars. */
    Indicator price(String symbol, Column column) {
        if (symbol.equals(session.context.symbol())) return session.price(column);
        return prices.computeIfAbsent(symbol + "." + column, k ->
                new AlignedIndicator(session.context.bars(), new PriceIndicator(bars(symbol), column)));
    }

    /**
     * The bars of {@code frame} for {@code base}, one per series and timeframe: this symbol's own
     * file of that period when the run has one, else built from {@code base}.
     */
    TimeframeBars resampled(BarSeries base, String frame) {
        Timeframe tf = Timeframe.parse(frame);
        return resampled.computeIfAbsent(System.identityHashCode(base) + "|" + base.symbol() + "|" + tf.text(), k -> {
            if (base == session.context.bars() && tf instanceof Timeframe.Calendar c && c.months() == 0) {
                var loaded = session.context.loadedTimeframe(c.millis());
                if (loaded.isPresent()) return loaded.get();
            }
            return new ResampledBars(base, tf);
        });
    }

    /**
     * A price series on a higher timeframe, read on the bars it is read on now: {@code
     * close.on('1w')} is the close of the last completed week; {@code close('SPY').on('1d')}
     * works the same.
     */
    Indicator on(Indicator input, String frame) {
        PriceIndicator price = priceOf(input, frame);
        TimeframeBars r = resampled(price.series(), frame);
        return new AlignedIndicator(input.series(), new PriceIndicator(r.bars(), price.column()), r);
    }

    /** {@link #on} without a script run to keep the builder in (the operator form {@code close.on('1w')}). */
    static Indicator onFresh(Indicator input, String frame) {
        PriceIndicator price = priceOf(input, frame);
        ResampledBars r = new ResampledBars(price.series(), Timeframe.parse(frame));
        return new AlignedIndicator(input.series(), new PriceIndicator(r.bars(), price.column()), r);
    }

    private static PriceIndicator priceOf(Indicator input, String frame) {
        if (input instanceof PriceIndicator p) return p;
        if (input instanceof AlignedIndicator a && a.source() instanceof PriceIndicator p && !(a.clock() instanceof TimeframeBars)) return p;
        throw new IllegalArgumentException("on('" + frame + "') takes a price series (close.on('1w'), close('SPY').on('1d')), not "
                + input + "; for other indicators use timeframe('" + frame + "') { ... }");
    }
}
