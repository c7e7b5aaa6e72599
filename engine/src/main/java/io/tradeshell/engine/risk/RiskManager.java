package io.tradeshell.engine.risk;

import io.tradeshell.engine.order.OrderRequest;
import io.tradeshell.engine.events.EventListener;
import io.tradeshell.engine.events.TradingEvent.TradingStateChanged;
import java.util.Optional;

/**
 * The one risk layer of every mode. Before each order it checks the trading state and the
 * limits; after each bar it watches the daily loss and the drawdown. It only decides: the
 * event loop carries out a halt's flattening, so the same decision works in every mode.
 */
public final class RiskManager {
    private static final long DAY = 86_400_000L;

    private final RiskLimits limits;
    private final EventListener events;
    private TradingState state = TradingState.ACTIVE;
    private double peakEquity = Double.NaN;
    private double dayStartEquity = Double.NaN;
    private double lastEquity = Double.NaN;
    private long day = Long.MIN_VALUE;
    private boolean dailyStop;
    /** Whether any equity-watching limit is set; without one, afterBar has nothing to do. */
    private final boolean watchesEquity;

    public RiskManager(RiskLimits limits, EventListener events) {
        this.limits = limits;
        this.events = events;
        this.watchesEquity = !Double.isNaN(limits.dailyLossLimit()) || !Double.isNaN(limits.maxDrawdown());
    }

    public RiskLimits limits() { return limits; }

    public TradingState state() { return state; }

    /** Whether a daily-loss or drawdown limit is set, so equity must be watched after each bar. */
    public boolean watchesEquity() { return watchesEquity; }

    /** Why an order that does not reduce a position is refused while trading is halted. */
    public static final String HALTED_REASON = "trading is halted: only orders that reduce a position are allowed";

    /** Why the order must not go to the broker, or empty if it may. */
    public Optional<String> check(OrderRequest r, AccountView account) {
        double pos = account.position(r.symbol());
        double signed = r.side().sign() * r.qty();
        boolean reducing = pos != 0 && Math.signum(signed) != Math.signum(pos) && r.qty() <= Math.abs(pos) + 1e-9;
        if (state == TradingState.HALTED && !reducing) return Optional.of(HALTED_REASON);
        if (state == TradingState.REDUCING && !reducing) return Optional.of("trading is reducing-only" + (dailyStop ? " after the daily loss limit" : ""));
        if (reducing) return Optional.empty();
        if (!limits.allowedSymbols().isEmpty() && !limits.allowedSymbols().contains(r.symbol())) {
            return Optional.of(r.symbol() + " is not in the allowed symbols " + limits.allowedSymbols());
        }
        double price = priceOf(r, account);
        if (limits.staleAfterMillis() > 0) {
            long seen = account.lastPriceTime(r.symbol());
            if (seen == Long.MIN_VALUE || account.now() - seen > limits.staleAfterMillis()) {
                return Optional.of("stale data: last " + r.symbol() + " price is older than " + limits.staleAfterMillis() / 1000 + " s");
            }
        }
        if (Double.isNaN(price)) return Optional.empty();
        double notional = r.qty() * price;
        if (notional > limits.maxOrderNotional()) {
            return Optional.of("order notional %.2f exceeds the limit %.2f".formatted(notional, limits.maxOrderNotional()));
        }
        double equity = account.equity();
        double after = Math.abs(pos + signed) * price;
        if (after > limits.maxPositionPct() * equity) {
            return Optional.of("position of %.2f would be %.1f%% of equity, over the %.1f%% limit"
                    .formatted(after, 100 * after / equity, 100 * limits.maxPositionPct()));
        }
        double gross = account.grossExposure() - Math.abs(pos) * price + after;
        if (gross > limits.maxLeverage() * equity) {
            return Optional.of("gross exposure would be %.2fx equity, over the %.2fx limit".formatted(gross / equity, limits.maxLeverage()));
        }
        return Optional.empty();
    }

    private static double priceOf(OrderRequest r, AccountView account) {
        return switch (r.type()) {
            case LIMIT, STOP_LIMIT -> r.limitPrice();
            case STOP -> r.stopPrice();
            case MARKET -> account.lastPrice(r.symbol());
        };
    }

    /**
     * Watches equity after a bar that closed at {@code time}; returns true when trading has
     * just been halted, so the caller flattens every position.
     *
     * <p>The day's loss is measured from the equity at the end of the previous day, so the
     * first bar of a day counts (with daily bars it is the only one). A bar closing exactly at
     * midnight belongs to the day it traded.
     */
    public boolean afterBar(long time, double equity) {
        if (!watchesEquity) return false;
        long today = Math.floorDiv(time - 1, DAY);
        if (today != day) {
            day = today;
            dayStartEquity = Double.isNaN(lastEquity) ? equity : lastEquity;
            if (dailyStop && state == TradingState.REDUCING) {
                dailyStop = false;
                change(time, TradingState.ACTIVE, "new trading day");
            }
        }
        lastEquity = equity;
        if (Double.isNaN(peakEquity) || equity > peakEquity) peakEquity = equity;
        if (state != TradingState.HALTED && equity < peakEquity * (1 - limits.maxDrawdown())) {
            change(time, TradingState.HALTED, "drawdown %.2f%% from the peak %.2f exceeds the %.2f%% limit"
                    .formatted(100 * (1 - equity / peakEquity), peakEquity, 100 * limits.maxDrawdown()));
            return true;
        }
        if (state == TradingState.ACTIVE && equity < dayStartEquity * (1 - limits.dailyLossLimit())) {
            dailyStop = true;
            change(time, TradingState.REDUCING, "daily loss %.2f%% exceeds the %.2f%% limit"
                    .formatted(100 * (1 - equity / dayStartEquity), 100 * limits.dailyLossLimit()));
        }
        return false;
    }

    /**
     * Halts trading the first time equity is zero or below (an account with nothing left
     * cannot take risk); returns true when it has just done so, so the caller flattens.
     */
    public boolean insolvent(long time, double equity) {
        if (equity > 0 || state == TradingState.HALTED) return false;
        change(time, TradingState.HALTED, "equity %.2f is zero or below: the account cannot trade".formatted(equity));
        return true;
    }

    /** An operator's command: pause (reducing-only), resume, or halt. */
    public void set(long time, TradingState newState, String reason) {
        if (newState != state) change(time, newState, reason);
    }

    /**
     * A state announced by someone else, such as a broker's adapter halting trading because the
     * broker is out of reach: taken as the account's state without announcing it again.
     */
    public void follow(TradingStateChanged announced) {
        try {
            state = TradingState.valueOf(announced.state());
        } catch (IllegalArgumentException e) {
            // a state this manager does not know: it keeps its own
        }
    }

    private void change(long time, TradingState s, String reason) {
        state = s;
        events.on(new TradingStateChanged(time, s.name(), reason));
    }
}
